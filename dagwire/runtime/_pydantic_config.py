"""The pydantic models behind ``Config`` and ``PermissiveConfig`` (run time only).

Public modules import this only in the ``else:`` branch of ``if TYPE_CHECKING:`` so that a
type checker analysing user code never follows it into pydantic.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Config(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)


Config.__module__ = "dagwire.runtime.config"


class PermissiveConfig(Config):
    model_config = ConfigDict(frozen=True, extra="allow", arbitrary_types_allowed=True)


PermissiveConfig.__module__ = "dagwire.runtime.config"
