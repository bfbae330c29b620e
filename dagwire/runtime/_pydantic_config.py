"""The pydantic models behind ``Config`` and ``PermissiveConfig`` (run time only).

Public modules import this only in the ``else:`` branch of ``if TYPE_CHECKING:`` so that a
type checker analysing user code never follows it into pydantic.
"""

from __future__ import annotations

import enum
import types
import typing
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator


def _enum_type(annotation: Any) -> type[enum.Enum] | None:
    """The Enum class of ``E`` or ``Optional[E]``, else None."""
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        found = [_enum_type(arg) for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(found) == 1:
            return found[0]
    return None


class Config(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

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


Config.__module__ = "dagwire.runtime.config"


class PermissiveConfig(Config):
    model_config = ConfigDict(frozen=True, extra="allow", arbitrary_types_allowed=True)


PermissiveConfig.__module__ = "dagwire.runtime.config"
