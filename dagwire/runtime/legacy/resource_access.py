"""How legacy code reaches resources outside ops: ``context.resources.x`` in a resource
function (``@resource(required_resource_keys=...)``), and the order in which resources that
need other resources are set up."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from dagwire.runtime.errors import DagwireInvalidDefinitionError, DagwireResourceNotFoundError


class InitResources(dict[str, Any]):
    """``InitResourceContext.resources``: a dict that also answers ``resources.key``."""

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError:
            raise DagwireResourceNotFoundError(
                f"resource '{key}' is not available to this resource; declare it in "
                f"required_resource_keys (available: {', '.join(sorted(self)) or '(none)'})"
            ) from None

    @property
    def original_resource_dict(self) -> dict[str, Any]:
        return dict(self)


def with_dependencies(definitions: Mapping[str, Any], keys: Iterable[str]) -> list[str]:
    """``keys`` plus the resources they require (``required_resource_keys`` of resource
    functions), each after what it needs."""
    ordered: list[str] = []
    visiting: list[str] = []

    def visit(key: str, needed_by: str | None) -> None:
        if key in ordered:
            return
        if key not in definitions:
            raise DagwireInvalidDefinitionError(
                "Cannot set up resources:",
                [f"resource '{needed_by}' requires resource '{key}', which is not bound"],
            )
        if key in visiting:
            raise DagwireInvalidDefinitionError(
                "Cannot set up resources:",
                [f"resources require each other in a cycle: {' -> '.join([*visiting, key])}"],
            )
        visiting.append(key)
        for dependency in sorted(getattr(definitions[key], "required_resource_keys", ()) or ()):
            visit(dependency, key)
        visiting.pop()
        ordered.append(key)

    for key in keys:
        visit(key, None)
    return ordered


def asset_resource_problems(assets: Iterable[Any], top_level: Mapping[str, Any]) -> list[str]:
    """Resource keys that assets bind themselves (``resource_defs=``, ``with_resources``) to
    different objects, or that are also bound at the top level. Dagster refuses both: which
    object a run would get is ambiguous. Objects are compared by identity, as Dagster does."""
    problems: list[str] = []
    first: dict[str, tuple[Any, str]] = {}
    for definition in assets:
        owner = definition.describe()
        for key, value in getattr(definition, "resource_defs", {}).items():
            if key in top_level and top_level[key] is not value:
                problems.append(
                    f"resource '{key}' is bound by {owner} (resource_defs=) and also at the top "
                    "level: remove one of them"
                )
            if key in first and first[key][0] is not value:
                problems.append(
                    f"resource '{key}' is bound to different objects by {first[key][1]} and "
                    f"{owner} (resource_defs=): bind one object to both"
                )
            first.setdefault(key, (value, owner))
    return problems


__all__ = ["InitResources", "asset_resource_problems", "with_dependencies"]
