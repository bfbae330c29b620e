"""Turning run config (dicts) into Config instances, with errors that name the definition and
the field path and give pydantic's reason. Environment values are read first (config_env),
so a Config reaches the op with the variable's value, never its name."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Sequence
from typing import Any

from dagwire.runtime.config import object_fields
from dagwire.runtime.config_env import EnvResolution, Path, mask_env_values, resolve_env
from dagwire.runtime.errors import DagwireInvalidConfigError, DagwireMissingEnvVarError


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


def env_problem_lines(resolution: EnvResolution, prefix: Path = ()) -> list[str]:
    """``path: reason`` for what reading the environment found wrong (never a value)."""
    lines: list[str] = []
    for path, reason in resolution.problems:
        where = format_location([*prefix, *path])
        lines.append(f"{where}: {reason}" if where else reason)
    return lines


def missing_env_lines(resolution: EnvResolution, owner: str, prefix: Path = ()) -> list[str]:
    """``A_STR (op 'read', field 'inner.s')``: the variables that are not set, and where."""
    return [
        f"{name} ({owner}, field '{format_location([*prefix, *path])}')"
        for name, path in resolution.missing
    ]


def validate_primitive(kind: type[Any], data: Any, default: Any, owner: str) -> Any:
    """The value of a ``config: str`` (int, float, bool, list, dict) parameter: ``data`` when
    it is one (Dagster takes no text for a number or a bool), else the parameter's default."""
    if data is None:
        if default is inspect.Parameter.empty:
            raise DagwireInvalidConfigError(
                f"Invalid config for {owner}:", [f"missing config: a {kind.__name__}"])
        return default
    fits = isinstance(data, kind) and not (kind is int and isinstance(data, bool))
    if kind is float and isinstance(data, int) and not isinstance(data, bool):
        fits = True
    if not fits:
        raise DagwireInvalidConfigError(
            f"Invalid config for {owner}:",
            [f"expected a {kind.__name__}, got {type(data).__name__}"])
    return data


def validate_config(config_class: Any, data: Any, owner: str) -> Any:
    """A ``config_class`` instance from ``data`` (an instance, a dict or None), with the
    environment read for its EnvVars (``{"env": NAME}`` in a dict)."""
    if data is None:
        data = {}
    if isinstance(data, dict):
        resolution = resolve_env(config_class, run_config=data)
    elif hasattr(data, "model_dump"):  # a Config object (of this class or another)
        resolution = resolve_env(config_class, given=object_fields(data))
    else:
        raise DagwireInvalidConfigError(
            f"Invalid config for {owner}:",
            [f"expected a {config_class.__qualname__} or a dict, got {type(data).__name__}"],
        )
    if resolution.problems:
        raise DagwireInvalidConfigError(
            f"Invalid config for {owner}:", env_problem_lines(resolution)
        )
    if resolution.missing:
        raise DagwireMissingEnvVarError(
            "Missing environment variables:", missing_env_lines(resolution, owner)
        )
    if isinstance(data, config_class) and not resolution.masks:
        return data  # nothing was read from the environment: the object as it was given
    try:
        instance = (config_class._dagwire_from_run_config(resolution.value)
                    if isinstance(data, dict) else config_class.model_validate(resolution.value))
    except validation_error_type() as error:
        problems = problems_of(error)
        if not isinstance(data, (dict, config_class)):  # a Config object of another class
            problems = [f"expected a {config_class.__name__}, got a "
                        f"{type(data).__name__}", *problems]
        raise DagwireInvalidConfigError(f"Invalid config for {owner}:", problems) from None
    mask_env_values(instance, resolution.masks)
    return instance


__all__ = [
    "env_problem_lines",
    "format_location",
    "missing_env_lines",
    "problems_of",
    "validate_config",
    "validate_primitive",
]
