"""Checks that run when definitions are loaded, validated or first executed.

Reported together, one line each:
- a resource key some definition requires that nothing binds (naming every definition that
  needs it; sensors and schedules included);
- a bound resource whose class does not match a parameter's annotation (``unittest.mock``
  objects are accepted);
- a partially configured nested resource that is not bound at the top level.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dagwire.runtime.io_managers import IOManager
from dagwire.suggestions import launch_binding_hint
from dagwire.runtime.parameters import ResourceRequirement, type_name
from dagwire.runtime.resources import (
    ConfigurableResource,
    PartialResource,
    ResourceDefinition,
    as_resource_definition,
    is_mock,
)
from dagwire.vocabulary.calls import IMPLICIT_RESOURCE_KEYS


@dataclass
class ResourceUser:
    """A definition that needs resources: how to name it, what it needs, what it binds itself."""

    description: str  # "asset 'users'", "op 'load' in job 'etl'", "sensor 'watch'"
    requirements: Sequence[ResourceRequirement]
    local_resources: Mapping[str, Any] = field(default_factory=dict)
    io_manager_keys: Iterable[str] = ()


def fits_annotation(annotation: Any, definition: ResourceDefinition) -> bool:
    """Does the bound value fit the annotation? Unknown or unsure: yes."""
    if annotation is None or definition.kind == "function":
        return True
    value = definition.resource if definition.resource is not None else definition.value
    if is_mock(value):
        return True
    target = typing.get_origin(annotation) or annotation
    if not isinstance(target, type) or target is typing.Any:
        return True
    if getattr(target, "_is_protocol", False) and not getattr(target, "_is_runtime_protocol", False):
        return True
    bound_class = definition.bound_class
    if bound_class is None or _yields_other_value(bound_class):
        return True
    try:
        return issubclass(bound_class, target)
    except TypeError:
        return True


def _yields_other_value(bound_class: type[Any]) -> bool:
    """A resource that overrides ``yield_for_execution`` or ``create_resource`` may hand its
    users another object."""
    if not issubclass(bound_class, ConfigurableResource):
        return False
    return any(getattr(bound_class, method, None) is not getattr(ConfigurableResource, method)
               for method in ("yield_for_execution", "create_resource"))


def binding_problems(users: Sequence[ResourceUser], bound: Mapping[str, Any]) -> list[str]:
    """Unbound keys (one line per key, naming every user) then wrong classes."""
    definitions = {key: as_resource_definition(value) for key, value in bound.items()}
    unbound: dict[str, list[str]] = {}
    wrong: list[str] = []
    for user in users:
        keys = [(r.key, r) for r in user.requirements] + [(k, None) for k in user.io_manager_keys]
        for key, requirement in keys:
            if key in user.local_resources:
                definition = as_resource_definition(user.local_resources[key])
            elif key in definitions:
                definition = definitions[key]
            else:
                if key not in IMPLICIT_RESOURCE_KEYS:  # every run has an IO manager
                    needers = unbound.setdefault(key, [])
                    if user.description not in needers:
                        needers.append(user.description)
                continue
            if requirement is None:
                if not fits_annotation(IOManager, definition):
                    bound_class = definition.bound_class
                    wrong.append(
                        f"resource '{key}' is bound to a "
                        f"{type_name(bound_class) if bound_class else 'resource'}, but "
                        f"{user.description} uses it as its IO manager (expected an IOManager)"
                    )
                continue
            if not fits_annotation(requirement.annotation, definition):
                bound_class = definition.bound_class
                wrong.append(
                    f"resource '{key}' is bound to a "
                    f"{type_name(bound_class) if bound_class else 'resource'}, but "
                    f"{user.description} parameter '{requirement.param}' is annotated "
                    f"{type_name(requirement.annotation)}"
                )
    lines = [
        f"resource '{key}' is not bound; required by {', '.join(needers)}"
        for key, needers in sorted(unbound.items())
    ]
    return lines + wrong


def nested_partial_problems(bound: Mapping[str, Any]) -> list[str]:
    """Partially configured resources nested in a bound resource but not bound themselves."""
    resources = {
        key: definition.resource
        for key, definition in ((k, as_resource_definition(v)) for k, v in bound.items())
        if definition.resource is not None
    }
    top_level = {id(resource): key for key, resource in resources.items()}
    problems: list[str] = []

    def walk(key: str, path: str, resource: ConfigurableResource) -> None:
        for name in type(resource).model_fields:
            value = getattr(resource, name, None)
            if not isinstance(value, ConfigurableResource):
                continue
            field_path = f"{path}.{name}" if path else name
            if isinstance(value, PartialResource):
                if id(value) not in top_level:
                    cls = type_name(value.resource_class)
                    problems.append(
                        f"resource '{key}' field '{field_path}' is a partially configured "
                        f"{cls} (configure_at_launch()) that is not bound at the top level: "
                        + launch_binding_hint(key, field_path, cls)
                    )
                continue
            walk(key, field_path, value)

    for key, resource in resources.items():
        walk(key, "", resource)
    return problems


__all__ = ["ResourceUser", "binding_problems", "fits_annotation", "nested_partial_problems"]
