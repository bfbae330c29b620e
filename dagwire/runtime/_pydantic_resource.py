"""The pydantic model behind ``ConfigurableResource``, and the ``PartialResource`` mixin of what
``configure_at_launch()`` returns (run time only; see ``resources.py``)."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from pydantic import ConfigDict, PrivateAttr
from typing_extensions import Self

from dagwire.runtime._pydantic_config import ConfigModel
from dagwire.runtime.context import InitResourceContext

_PARTIAL_CLASSES: dict[type[Any], type[Any]] = {}


class PartialResource:
    """Mixed into the instances ``configure_at_launch()`` returns.

    The instance is of the resource class itself (so a field or parameter annotated with
    that class accepts it); the fields it lacks come from run config under
    ``resources: {key: {config: {...}}}`` when a run starts.
    """

    @property
    def partial_config(self) -> dict[str, Any]:
        fields_set: set[str] = getattr(self, "model_fields_set", set())
        return {name: getattr(self, name) for name in sorted(fields_set)}

    @property
    def resource_class(self) -> type[Any]:
        for base in type(self).__mro__[1:]:
            if base is not PartialResource:
                return base
        raise AssertionError("unreachable: a partial class always has a resource base")


class ConfigurableResource(ConfigModel):
    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    _dagwire_context: InitResourceContext | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: InitResourceContext) -> None:
        """Called once before the first step of a run that uses this resource."""

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        """Called once after the last step, also when a step failed."""

    def yield_for_execution(self, context: InitResourceContext) -> Generator[Self, None, None]:
        """Setup, yield the resource for the run, teardown (override for a context manager)."""
        self.setup_for_execution(context)
        try:
            yield self
        finally:
            self.teardown_after_execution(context)

    @classmethod
    def _dagwire_frozen_message(cls) -> str:
        return (f"'{cls.__name__}' is a Pythonic resource and does not support item "
                "assignment, as it inherits from 'pydantic.BaseModel' with frozen=True. If trying "
                "to maintain state on this resource, consider building a separate, stateful "
                "client class, and provide a method on the resource to construct and return the "
                "stateful client.")

    def create_resource(self, context: InitResourceContext) -> Any:
        """What the resource gives its users once set up: itself, unless a subclass returns
        (or yields) another object (Dagster's resource factory pattern)."""
        return self

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
PartialResource.__module__ = "dagwire.runtime.resources"
