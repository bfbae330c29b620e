"""Config, PermissiveConfig, Field and RunConfig.

At type time ``Config`` is a plain class marked with ``dataclass_transform`` so that mypy and
pyright synthesise a keyword-only, frozen ``__init__`` from its fields with no plugin and
without analysing pydantic. At run time it is the pydantic v2 model from
``dagwire.runtime._pydantic_config`` (imported only in the ``else:`` branch, which type
checkers do not follow).
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, cast, overload

from typing_extensions import Self, dataclass_transform

# The legacy form ``Field(str, default_value=..., is_required=..., description=...)`` builds
# the legacy config system's own field class; Field() below dispatches to it.
from dagwire.runtime.env_var import EnvSource, EnvVar, IntEnvVar
from dagwire.runtime.legacy.config_types import ConfigType, LegacyField


@overload
def Field(
    config_type: type[Any] | dict[str, Any] | list[Any] | ConfigType,
    /,
    default_value: Any = ...,
    is_required: bool | None = None,
    description: str | None = None,
    is_secret: bool = False,
) -> LegacyField: ...


@overload
def Field(
    *,
    default: Any = ...,
    default_factory: Callable[[], Any] | None = None,
    description: str | None = None,
    alias: str | None = None,
    title: str | None = None,
    examples: list[Any] | None = None,
    gt: float | None = None,
    ge: float | None = None,
    lt: float | None = None,
    le: float | None = None,
    min_length: int | None = None,
    max_length: int | None = None,
    pattern: str | None = None,
) -> Any: ...


@overload
def Field(default: Any, /, *, description: str | None = None) -> Any: ...


def Field(*args: Any, **kwargs: Any) -> Any:
    """A config field: ``x: int = Field(default=3, description="...")`` (Pythonic form).

    A type, dict or list as first positional argument is the legacy form
    (``Field(str, default_value=..., is_required=..., description=...)``): it returns a
    ``LegacyField`` record. Everything else is passed to pydantic's ``Field``.
    """
    if args and _is_legacy_config_type(args[0]) and "default" not in kwargs:
        return LegacyField(*args, **kwargs)
    # pydantic is imported on first use, not with this module (import time)
    pydantic_field: Callable[..., Any] = importlib.import_module("pydantic").Field
    return pydantic_field(*args, **kwargs)


def _is_legacy_config_type(value: object) -> bool:
    return isinstance(value, (type, dict, list, ConfigType))


if TYPE_CHECKING:

    @dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(Field,))
    class Config:
        """Run-time config of an op, asset or job: a frozen pydantic model; unknown fields are
        rejected."""

        model_fields: ClassVar[dict[str, Any]]

        @classmethod
        def model_validate(cls, obj: Any) -> Self: ...

        def model_dump(self, *, exclude_unset: bool = False) -> dict[str, Any]: ...

        def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Self: ...

        @classmethod
        def to_fields_dict(cls) -> dict[str, Any]: ...

    @dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(Field,))
    class PermissiveConfig(Config):
        """A Config that keeps fields it does not declare."""

else:
    from dagwire.runtime._pydantic_config import Config, PermissiveConfig


class RunConfig:
    """Run config in typed form: ``RunConfig(ops={"greet": GreetingConfig(...)})``.

    ``ops`` maps op (or asset) names to a Config instance or, as in Dagster, the op's plain
    config dict (``{"config": {...}}``); ``resources`` maps resource keys to
    ``{"config": {...}}`` (or a resource instance) with the fields left open by
    ``configure_at_launch()``. ``to_config_dict()`` gives Dagster's plain dict form: Config
    instances become ``{"config": {...}}`` (Enums by name, unset ``None`` fields left out,
    EnvVars as ``{"env": NAME}``, read when the run starts).
    """

    def __init__(
        self,
        ops: Mapping[str, Any] | None = None,
        resources: Mapping[str, Any] | None = None,
        loggers: Mapping[str, Any] | None = None,
        execution: Mapping[str, Any] | None = None,
    ) -> None:
        self.ops: dict[str, Any] = dict(ops or {})
        self.resources: dict[str, Any] = dict(resources or {})
        self.loggers: dict[str, Any] = dict(loggers or {})
        self.execution: dict[str, Any] = dict(execution or {})

    def to_config_dict(self) -> dict[str, Any]:
        return {
            "loggers": _plain(self.loggers),
            "resources": _plain(self.resources),
            "ops": _plain(self.ops),
            "execution": _plain(self.execution),
        }

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RunConfig) and (
            (self.ops, self.resources, self.loggers, self.execution)
            == (other.ops, other.resources, other.loggers, other.execution)
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __repr__(self) -> str:
        return f"RunConfig(ops={sorted(self.ops)!r}, resources={sorted(self.resources)!r})"


def _plain(value: Any) -> Any:
    """Dagster's dict form of run config values: Config and resource objects become
    ``{"config": {...}}``; anything else is the user's own dict form and stays as written (an
    EnvVar object there is refused when the run starts, as Dagster refuses it)."""
    if isinstance(value, Config) or _is_configurable(value):
        return {"config": object_config(value)}
    if isinstance(value, Mapping):
        return {name: _plain(item) for name, item in value.items()}
    return value


def object_fields(model: Any) -> dict[str, Any]:
    """The fields of a Config object (a resource object's fields that were set) that run
    config would give, as they are: unset ``None`` fields left out, extras included."""
    set_only = not isinstance(model, Config)
    fields_set: set[str] = model.model_fields_set
    values: dict[str, Any] = {}
    for name, item in model:  # a pydantic model iterates (name, value), extras included
        if set_only and name not in fields_set:
            continue
        if item is None and name not in fields_set:
            continue
        values[name] = item
    return values


def object_config(model: Any) -> dict[str, Any]:
    """Dagster's dict form of ``object_fields``: nested Config objects as dicts, Enums by
    name, EnvVars as ``{"env": NAME}`` (read when the run starts)."""
    return {name: config_value(item) for name, item in object_fields(model).items()}


def config_value(value: Any) -> Any:
    """Dagster's dict form of a value held by a Config or resource object."""
    if isinstance(value, (EnvVar, IntEnvVar)):
        return EnvSource(value)
    if isinstance(value, Config) or _is_configurable(value):
        return object_config(value)
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, Mapping):
        return {name: config_value(item) for name, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [config_value(item) for item in value]
    return value


def config_dict(value: Any) -> Any:
    """What Dagster's ``context.op_config`` holds for a Config instance: every field as a
    dict entry (nested Config as dicts, Enums by value, None kept). Anything else (a legacy
    config_schema value) as it is."""
    return plain_config_value(value) if isinstance(value, Config) else value


def plain_config_value(value: Any) -> Any:
    """A config value as Dagster's contexts show it (``op_config``, ``resource_config``):
    nested Config as dicts, Enums by value."""
    if isinstance(value, Config):
        return {name: plain_config_value(item) for name, item in cast(Any, value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {key: plain_config_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain_config_value(item) for item in value]
    return value


def _is_configurable(value: Any) -> bool:
    # duck-typed: importing the resource module here would be circular
    return hasattr(value, "model_fields_set") and hasattr(value, "yield_for_execution")


__all__ = [
    "Config",
    "Field",
    "LegacyField",
    "PermissiveConfig",
    "RunConfig",
    "config_value",
    "object_config",
    "object_fields",
    "plain_config_value",
]
