"""The pydantic model behind ``ConfigurableResource`` (run time only; see ``resources.py``)."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from pydantic import ConfigDict, PrivateAttr
from typing_extensions import Self

from dagwire.runtime._pydantic_config import ConfigModel
from dagwire.runtime.resources import InitResourceContext, PartialResource

_PARTIAL_CLASSES: dict[type[Any], type[Any]] = {}


class ConfigurableResource(ConfigModel):
    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    _dagwire_context: InitResourceContext | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: InitResourceContext) -> None:
        """Called once before the first step of a run that uses this resource."""

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        """Called once after the last step, also when a step failed."""

    def create_resource(self, context: InitResourceContext) -> Any:
        """What the resource gives its users: itself, unless a subclass returns another object
        (Dagster's way to hand users a client the resource builds from its config)."""
        return self

    def yield_for_execution(self, context: InitResourceContext) -> Generator[Any, None, None]:
        """Setup, yield what ``create_resource`` gives for the run, teardown (override for a
        context manager)."""
        self.setup_for_execution(context)
        try:
            yield self.create_resource(context)
        finally:
            self.teardown_after_execution(context)

    def get_resource_context(self) -> InitResourceContext:
        if self._dagwire_context is None:
            return InitResourceContext()
        return self._dagwire_context

    @classmethod
    def configure_at_launch(cls, **partial_config: Any) -> Self:
        partial_cls = _PARTIAL_CLASSES.get(cls)
        if partial_cls is None:
            partial_cls = type(cls.__name__, (cls, PartialResource), {"__module__": cls.__module__})
            _PARTIAL_CLASSES[cls] = partial_cls
        instance: Self = partial_cls.model_construct(**partial_config)
        return instance


ConfigurableResource.__module__ = "dagwire.runtime.resources"
