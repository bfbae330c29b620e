"""What a resource parameter is annotated with, from every binding of its key in the project.

Dagster gives a parameter whatever its key is bound to; the annotation only has to say what
that is. So RSC201 annotates with:
- the resource class every binding gives (the class itself, or the nearest project base all
  of them share), when each binding is an instance of a ConfigurableResource that gives its
  users itself;
- otherwise `ResourceParam[T]`, where `T` is what every binding gives (a class of the
  project, a library class a `@resource` function declares it returns, a builtin type);
- otherwise `ResourceParam[Any]`: bindings that disagree (a local and a production resource)
  or values the codemod cannot tell. The key stays required exactly as before, and every
  binding still fits: fakes and mocks in tests keep working.
Mocks (`ResourceDefinition.mock_resource()`, `MagicMock()`) stand in for anything and are
left out of the choice.
"""

from __future__ import annotations

from typing import NamedTuple

from dagwire.migrate.facts import ANY, MOCK, ProjectFacts, ValueType
from dagwire.migrate.index import Ref


class KeyAnnotation(NamedTuple):
    resource_class: Ref | None  # annotate with this class itself
    value: ValueType  # else `ResourceParam[<value>]`


def key_annotation(facts: ProjectFacts, path: str, key: str) -> KeyAnnotation | None:
    """For a key required in the file `path`; None when no binding of the key is seen at
    all in its project (RSC201 says so in a TODO)."""
    bindings = facts.bindings_of(path, key)
    if not bindings:
        return None
    values: list[ValueType] = []
    for binding in bindings:
        if binding.kind == "function" and binding.ref is not None:
            conversion = facts.conversions.get(binding.ref)
            if conversion is not None and conversion.kind == "class":
                class_ref = Ref(binding.ref.path, conversion.class_name)
                values.append(ValueType("project", class_ref.path, class_ref.name))
                continue
        values.append(binding.value)
    values = [v for v in values if v != MOCK]
    if not values or ANY in values:
        return KeyAnnotation(None, ANY)
    classes = [Ref(v.module, v.name) for v in values if v.kind == "project"]
    resource_classes = [c for c in classes if _gives_itself(facts, c)]
    if len(resource_classes) == len(values):
        shared = _shared_base(facts, resource_classes)
        if shared is not None:
            return KeyAnnotation(shared, ANY)
    if len(set(values)) == 1:
        return KeyAnnotation(None, values[0])
    return KeyAnnotation(None, ANY)


def _gives_itself(facts: ProjectFacts, ref: Ref) -> bool:
    if any(c.kind == "class" and Ref(c.function.path, c.class_name) == ref
           for c in facts.conversions.values()):
        return True  # RSC203 makes the class it builds a resource
    found = facts.classes.get(ref)
    return found is not None and found.kind == "resource" and not found.vends


def _shared_base(facts: ProjectFacts, classes: list[Ref]) -> Ref | None:
    """The nearest class (each itself, or a project base) every one of `classes` is."""
    chains = [[c, *(facts.classes[c].bases if c in facts.classes else [])] for c in classes]
    for candidate in chains[0]:
        if all(candidate in chain for chain in chains[1:]) and _gives_itself(facts, candidate):
            return candidate
    return None
