"""Config, PermissiveConfig, Field and RunConfig.

At type time ``Config`` is a plain class marked with ``dataclass_transform`` so that mypy and
pyright synthesise a keyword-only, frozen ``__init__`` from its fields with no plugin and
without analysing pydantic. At run time it is the pydantic v2 model from
``dagwire.runtime._pydantic_config`` (imported only in the ``else:`` branch, which type
checkers do not follow).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, overload

from typing_extensions import Self, dataclass_transform


class LegacyField:
    """The legacy field form ``Field(str, default_value=..., is_required=..., description=...)``.

    A plain record: the legacy config-schema system (issue 3) reads it. Nothing here
    interprets it yet.
    """

    __slots__ = ("config_type", "default_value", "is_required", "description")

    def __init__(
        self,
        config_type: Any,
        default_value: Any,
        is_required: bool | None,
        description: str | None,
    ) -> None:
        self.config_type = config_type
        self.default_value = default_value
        self.is_required = is_required
        self.description = description

    def __repr__(self) -> str:
        return f"Field({self.config_type!r})"


_UNSET: Any = object()


@overload
def Field(
    config_type: type[Any] | dict[str, Any] | list[Any],
    /,
    *,
    default_value: Any = ...,
    is_required: bool | None = None,
    description: str | None = None,
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
    (``Field(str, default_value=..., is_required=..., description=...)``, issue 3): it returns a
    ``LegacyField`` record. Everything else is passed to pydantic's ``Field``.
    """
    if args and _is_legacy_config_type(args[0]) and "default" not in kwargs:
        return LegacyField(
            args[0],
            kwargs.get("default_value", _UNSET),
            kwargs.get("is_required"),
            kwargs.get("description"),
        )
    import importlib

    pydantic_field: Callable[..., Any] = importlib.import_module("pydantic").Field
    return pydantic_field(*args, **kwargs)


def _is_legacy_config_type(value: object) -> bool:
    return isinstance(value, (type, dict, list))


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

    @dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(Field,))
    class PermissiveConfig(Config):
        """A Config that keeps fields it does not declare."""

else:
    from dagwire.runtime._pydantic_config import Config, PermissiveConfig


class RunConfig:
    """Run config in typed form: ``RunConfig(ops={"greet": GreetingConfig(...)})``.

    ``ops`` maps op (or asset) names to a Config instance or, as in Dagster, the op's plain
    config dict (``{"config": {...}}``); ``resources`` maps resource keys to
    ``{"config": {...}}`` with the fields left open by ``configure_at_launch()``.
    ``to_config_dict()`` gives Dagster's plain dict form (Config instances wrapped in
    ``{"config": ...}``, dicts as given).
    """

    def __init__(
        self,
        ops: Mapping[str, Any] | None = None,
        resources: Mapping[str, Any] | None = None,
    ) -> None:
        self.ops: dict[str, Any] = dict(ops or {})
        self.resources: dict[str, Any] = dict(resources or {})

    def to_config_dict(self) -> dict[str, Any]:
        return {"ops": _wrap_configs(self.ops), "resources": _wrap_configs(self.resources)}

    def __repr__(self) -> str:
        return f"RunConfig(ops={sorted(self.ops)!r}, resources={sorted(self.resources)!r})"


def _wrap_configs(values: Mapping[str, Any]) -> dict[str, Any]:
    return {
        name: {"config": value} if isinstance(value, Config) else value
        for name, value in values.items()
    }


__all__ = ["Config", "Field", "LegacyField", "PermissiveConfig", "RunConfig"]
