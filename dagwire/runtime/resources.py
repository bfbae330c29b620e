"""ConfigurableResource, ResourceParam, PartialResource and ResourceDefinition.

``ConfigurableResource`` follows the same two-faced scheme as ``Config``: a
``dataclass_transform`` class for type checkers, the pydantic model from
``dagwire.runtime._pydantic_resource`` at run time.

Every value bound to a resource key becomes a ``ResourceDefinition`` (``as_resource_definition``):
a configurable resource instance, a plain object (``ResourceParam[T]``), or a resource function
(the legacy ``@resource``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Generator, Mapping
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Generic, TypeVar

from typing_extensions import Self, TypeAlias, dataclass_transform

from dagwire.runtime.config import Field
from dagwire.runtime.context import InitResourceContext, build_init_resource_context

T = TypeVar("T")


class _ResourceParamMarker:
    """Marks ``Annotated[T, ...]`` as a resource parameter."""

    def __repr__(self) -> str:
        return "ResourceParam"


RESOURCE_PARAM_MARKER = _ResourceParamMarker()

ResourceParam: TypeAlias = Annotated[T, RESOURCE_PARAM_MARKER]
"""``db: ResourceParam[Engine]``: a resource that is a plain object (type checkers see T)."""


class _ResourceDependencyMarker:
    """Marks a resource field declared ``ResourceDependency[T]``."""

    def __repr__(self) -> str:
        return "ResourceDependency"


RESOURCE_DEPENDENCY_MARKER = _ResourceDependencyMarker()


class IAttachDifferentObjectToOpContext:
    """Mixed into a resource whose users get the resource itself as a parameter but
    ``get_object_to_set_on_execution_context()`` in ``context.resources`` (Dagster's way to
    migrate ``context.resources.x`` users one at a time)."""

    def get_object_to_set_on_execution_context(self) -> Any:
        raise NotImplementedError(
            f"{type(self).__name__} must implement get_object_to_set_on_execution_context"
        )


def context_value(resource: Any) -> Any:
    """What ``context.resources.<key>`` gives for an initialised resource."""
    if isinstance(resource, IAttachDifferentObjectToOpContext):
        return resource.get_object_to_set_on_execution_context()
    return resource


if TYPE_CHECKING:

    class PartialResource:
        """Mixed into the instances ``configure_at_launch()`` returns (see
        ``_pydantic_resource``): ``isinstance(x, PartialResource)`` tells them apart."""

        @property
        def partial_config(self) -> dict[str, Any]: ...

        @property
        def resource_class(self) -> type[Any]: ...

    @dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(Field,))
    class ConfigurableResource:
        """A resource whose config is its typed fields (a frozen pydantic model at run time)."""

        model_fields: ClassVar[dict[str, Any]]
        model_fields_set: set[str]

        def setup_for_execution(self, context: InitResourceContext) -> None: ...

        def teardown_after_execution(self, context: InitResourceContext) -> None: ...

        def yield_for_execution(
            self, context: InitResourceContext
        ) -> Generator[Self, None, None]: ...

        @classmethod
        def configure_at_launch(cls, **partial_config: Any) -> Self: ...

        @classmethod
        def model_validate(cls, obj: Any) -> Self: ...

        def model_dump(self, *, exclude_unset: bool = False) -> dict[str, Any]: ...

        def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Self: ...

        def get_resource_context(self) -> InitResourceContext: ...

        def create_resource(self, context: InitResourceContext) -> Any: ...

    class ResourceDependency(Generic[T]):
        """``inner: ResourceDependency[T]``: a field that holds another resource; the field
        reads as what that resource gives its users (T), and takes a resource that gives a T,
        a ``@resource`` function, or a T itself."""

        def __get__(self, obj: object, owner: Any) -> T: ...

        def __set__(
            self, obj: object, value: T | ConfigurableResource | ResourceDefinition
        ) -> None: ...

else:
    from dagwire.runtime._pydantic_resource import ConfigurableResource, PartialResource

    class ResourceDependency:
        """At run time ``ResourceDependency[T]`` is ``Annotated[Any, <marker>]``: the field
        takes any value (the resource is set up, and the field replaced by what it gives,
        when a run starts)."""

        def __class_getitem__(cls, item: Any) -> Any:
            return Annotated[Any, RESOURCE_DEPENDENCY_MARKER]


class _NoValue:
    def __repr__(self) -> str:
        return "<no value>"


NO_VALUE: Any = _NoValue()


class ResourceDefinition:
    """What a value bound to a resource key becomes.

    Exactly one of ``resource`` (a ConfigurableResource instance), ``value`` (a plain object)
    or ``resource_fn`` (a function of an InitResourceContext, possibly a generator) is set.
    """

    def __init__(
        self,
        resource_fn: Callable[[InitResourceContext], Any] | None = None,
        config_schema: Any = None,
        description: str | None = None,
        required_resource_keys: set[str] | None = None,
        *,
        resource: ConfigurableResource | None = None,
        value: Any = NO_VALUE,
    ) -> None:
        self.resource_fn = resource_fn
        self.config_schema = config_schema
        self.description = description
        self.required_resource_keys = frozenset(required_resource_keys or ())
        self.resource = resource
        self.value = value

    @staticmethod
    def hardcoded_resource(value: Any, description: str | None = None) -> ResourceDefinition:
        return ResourceDefinition(description=description, value=value)

    @staticmethod
    def none_resource(description: str | None = None) -> ResourceDefinition:
        return ResourceDefinition(description=description, value=None)

    @property
    def kind(self) -> str:
        """``"configurable"``, ``"value"`` or ``"function"``."""
        if self.resource is not None:
            return "configurable"
        if self.resource_fn is not None:
            return "function"
        return "value"

    @property
    def bound_class(self) -> type[Any] | None:
        """The class of the object a run will get, when it is known before the run."""
        if self.resource is not None:
            if isinstance(self.resource, PartialResource):
                return self.resource.resource_class
            return type(self.resource)
        if self.resource_fn is None:
            return type(self.value)
        return None

    def __repr__(self) -> str:
        if self.resource is not None:
            return f"ResourceDefinition({self.resource!r})"
        if self.resource_fn is not None:
            return f"ResourceDefinition({self.resource_fn.__name__})"
        return f"ResourceDefinition(value of {type(self.value).__name__})"


def is_mock(value: object) -> bool:
    """A ``unittest.mock`` object (accepted for any resource annotation: tests bind mocks)."""
    mock_module = sys.modules.get("unittest.mock")
    return mock_module is not None and isinstance(value, mock_module.NonCallableMock)


def as_resource_definition(value: object) -> ResourceDefinition:
    """The ResourceDefinition for a value bound in ``resources={...}``."""
    if isinstance(value, ResourceDefinition):
        return value
    if is_mock(value):  # a Mock spec'd from a resource class passes isinstance: keep it as is
        return ResourceDefinition.hardcoded_resource(value)
    if isinstance(value, ConfigurableResource):
        return ResourceDefinition(resource=value)
    return ResourceDefinition.hardcoded_resource(value)


__all__ = [
    "ConfigurableResource",
    "IAttachDifferentObjectToOpContext",
    "ResourceDependency",
    "context_value",
    "InitResourceContext",
    "PartialResource",
    "ResourceDefinition",
    "ResourceParam",
    "as_resource_definition",
    "build_init_resource_context",
]
