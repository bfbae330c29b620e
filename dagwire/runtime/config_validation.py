"""Turning run config (dicts) into Config instances, with errors that name the definition and
the field path and give pydantic's reason."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

from dagwire.runtime.errors import DagwireInvalidConfigError


def validation_error_type() -> type[Exception]:
    error_type: type[Exception] = importlib.import_module("pydantic").ValidationError
    return error_type


def format_location(location: Sequence[Any]) -> str:
    """``('nested', 'items', 0)`` -> ``nested.items[0]``."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def problems_of(error: Exception, prefix: str = "") -> list[str]:
    """One ``path: reason`` line per pydantic error; input values are never shown."""
    lines: list[str] = []
    for item in error.errors():  # type: ignore[attr-defined]
        path = format_location([*([prefix] if prefix else []), *item["loc"]])
        reason = item["msg"]
        lines.append(f"{path}: {reason}" if path else reason)
    return lines


def validate_config(config_class: Any, data: Any, owner: str) -> Any:
    """A ``config_class`` instance from ``data`` (an instance, a dict or None)."""
    if isinstance(data, config_class):
        return data
    if data is None:
        data = {}
    elif hasattr(data, "model_dump") and not isinstance(data, dict):
        # A Config of another class: validate its fields against the expected class.
        data = data.model_dump()
    if not isinstance(data, dict):
        raise DagwireInvalidConfigError(
            f"Invalid config for {owner}:",
            [f"expected a {config_class.__qualname__} or a dict, got {type(data).__name__}"],
        )
    try:
        return config_class.model_validate(data)
    except validation_error_type() as error:
        raise DagwireInvalidConfigError(f"Invalid config for {owner}:", problems_of(error)) from None


__all__ = ["format_location", "problems_of", "validate_config"]
