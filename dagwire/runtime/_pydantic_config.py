"""The pydantic models behind ``Config`` and ``PermissiveConfig`` (run time only), and the
base they share with ``ConfigurableResource``: EnvVar placeholders kept until a run starts,
values read from the environment never shown by repr, Enums read by member name.

Public modules import this only in the ``else:`` branch of ``if TYPE_CHECKING:`` so that a
type checker analysing user code never follows it into pydantic.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    PrivateAttr,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)

from dagwire.runtime.env_var import EnvVar, IntEnvVar


class EnvFieldMasks(dict[str, Any]):
    """Field name -> what repr shows instead of a value read from the environment: the EnvVar
    placeholder, or the list / dict that held placeholders. For display only, so it never
    makes two models unequal."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EnvFieldMasks)

    def __ne__(self, other: object) -> bool:
        return not self == other


def keep_env_vars(given: Any, validated: Any) -> Any:
    """``validated`` with the EnvVar objects of ``given`` put back where they were.

    pydantic turns ``EnvVar("X")`` into the plain string ``"X"`` (and ``EnvVar.int`` into 0),
    also inside lists and dicts; the placeholder must survive until a run starts, when it is
    read. Dagster keeps them the same way.
    """
    if isinstance(given, (EnvVar, IntEnvVar)):
        return given
    if isinstance(given, (list, tuple)) and isinstance(validated, (list, tuple)):
        if len(given) != len(validated):
            return validated
        items = [keep_env_vars(g, v) for g, v in zip(given, validated)]
        if all(kept is v for kept, v in zip(items, validated)):
            return validated
        return type(validated)(items)
    if isinstance(given, Mapping) and isinstance(validated, dict):
        if not any(key in given for key in validated):
            return validated
        return {
            key: keep_env_vars(given[key], value) if key in given else value
            for key, value in validated.items()
        }
    return validated


def _enum_type(annotation: Any) -> type[enum.Enum] | None:
    """The Enum class of ``E`` or ``Optional[E]``, else None."""
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        found = [_enum_type(arg) for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(found) == 1:
            return found[0]
    return None


class ConfigModel(BaseModel):
    """What Config and ConfigurableResource share as models filled from run config: EnvVar
    placeholders kept in the fields until a run starts (once they are read, repr and str show
    the placeholder, ``EnvVar('NAME')``, never the value), and Enums read by member name."""

    _dagwire_env_fields: EnvFieldMasks = PrivateAttr(default_factory=EnvFieldMasks)

    @field_validator("*", mode="wrap")
    @classmethod
    def _keep_env_vars(cls, value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        if isinstance(value, (EnvVar, IntEnvVar)):
            return value
        return keep_env_vars(value, handler(value))

    def __repr_args__(self) -> Iterable[tuple[str | None, Any]]:
        masked = self._dagwire_env_fields
        for name, value in super().__repr_args__():
            if name is not None and name in masked:
                yield name, masked[name]
            else:
                yield name, value

    @model_validator(mode="before")
    @classmethod
    def _enum_members_by_name(cls, data: Any) -> Any:
        # Dagster reads an Enum field from config by member NAME ("BLUE"); values still work.
        if not isinstance(data, dict):
            return data
        for name, info in cls.model_fields.items():
            value = data.get(name)
            if not isinstance(value, str):
                continue
            enum_type = _enum_type(info.annotation)
            if enum_type is not None and value in enum_type.__members__:
                data = {**data, name: enum_type[value]}
        return data


class Config(ConfigModel):
    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)


Config.__module__ = "dagwire.runtime.config"


class PermissiveConfig(Config):
    model_config = ConfigDict(frozen=True, extra="allow", arbitrary_types_allowed=True)


PermissiveConfig.__module__ = "dagwire.runtime.config"
