"""``config_schema=`` on ops and assets: compiling the schema and checking run config against it.

The op's config arrives as ``ops: {name: {config: ...}}`` in run config, or through
``build_op_context(config=...)`` in a direct call. Problems are reported as
``<full run-config path>: <reason>`` lines, under a header that names the op or asset.
"""

from __future__ import annotations

from typing import Any

from dagwire.runtime.errors import DagwireInvalidConfigError, DagwireInvalidDefinitionError
from dagwire.runtime.legacy.config_types import (
    NO_VALUE,
    LegacyConfigDefinitionError,
    LegacyConfigError,
    LegacyField,
    Path,
    as_field,
    format_path,
)


def compile_schema(config_schema: Any, owner: str) -> LegacyField:
    """The schema as a LegacyField; a bad schema is a definition error naming ``owner``."""
    try:
        return as_field(config_schema)
    except LegacyConfigDefinitionError as error:
        raise DagwireInvalidDefinitionError(
            f"Invalid definition of {owner}:", [f"config_schema: {error}"]
        ) from None


def problem_lines(error: LegacyConfigError, prefix: Path) -> list[str]:
    """``<path>: <reason>`` lines; path = ``prefix`` + the error's prefix + the problem's."""
    return [f"{format_path(prefix + error.prefix + p.path)}: {p.message}" for p in error.problems]


def op_config_value(schema: Any, entry: Any, step_key: str) -> Any:
    """The resolved config of an op from its run-config entry (``{"config": ...}`` or absent).

    Raises LegacyConfigError with paths relative to ``ops.<step_key>.config``.
    """
    field = schema if isinstance(schema, LegacyField) else as_field(schema)
    if isinstance(entry, dict) and set(entry) <= {"config"}:
        data = entry.get("config", NO_VALUE)
    else:
        data = NO_VALUE if entry is None else entry
    if data is None:
        data = NO_VALUE
    return field.validate(data, ("ops", step_key, "config"))


def validate_direct_config(schema: Any, data: Any, owner: str) -> Any:
    """Config given to a direct call (``build_op_context(config=...)``), defaults applied."""
    field = schema if isinstance(schema, LegacyField) else as_field(schema)
    try:
        return field.validate(NO_VALUE if data is None else data)
    except LegacyConfigError as error:
        raise DagwireInvalidConfigError(
            f"Invalid config for {owner}:", problem_lines(error, ("config",))
        ) from None


__all__ = ["compile_schema", "op_config_value", "problem_lines", "validate_direct_config"]
