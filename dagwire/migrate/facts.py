"""What phase 1 learns about the whole project, handed to phase 2 as plain (picklable) data.

``-j N`` worker processes receive these facts as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dagwire.migrate.schema import Schema


@dataclass(frozen=True)
class Binding:
    """What one key is bound to at one site: a resource class, a legacy function, other."""

    kind: str  # "class" | "function" | "other"
    target: str  # qualified name (class/function) or a short description (other)


@dataclass
class ResourceFunction:
    qualname: str
    has_config_schema: bool
    # set by resource_function.plan_conversions when RSC203 can replace it with a class
    class_qualname: str | None = None
    reason: str = ""


@dataclass
class ProjectFacts:
    # qualified name -> module, for every ConfigurableResource subclass in the project
    resource_classes: dict[str, str] = field(default_factory=dict)
    resource_functions: dict[str, ResourceFunction] = field(default_factory=dict)
    bindings: dict[str, set[Binding]] = field(default_factory=dict)
    # module -> names of ops/assets invoked directly there, with the call shapes seen
    direct_calls: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # qualified function -> resource_plan.Conversion, for the functions RSC203 rewrites
    conversions: dict[str, Any] = field(default_factory=dict)
    # module -> op/asset name -> its config_schema translated (RSC202), or why it cannot be
    op_schemas: dict[str, dict[str, Schema | str]] = field(default_factory=dict)
    # qualified name -> role ("job", "asset", ...) of every top-level decorated definition
    definition_roles: dict[str, str] = field(default_factory=dict)
    # qualified @repository function -> "" when MIG101 may rewrite it, else why not
    repositories: dict[str, str] = field(default_factory=dict)
    # qualified resource class -> field name -> annotation source (for EnvVar vs EnvVar.int)
    field_types: dict[str, dict[str, str]] = field(default_factory=dict)

    def bound_class(self, key: str) -> str | None:
        """The one resource class bound to ``key`` everywhere, or None when unsure."""
        targets = self.bindings.get(key)
        if not targets:
            return None
        classes: set[str] = set()
        for binding in targets:
            if binding.kind == "class" and binding.target in self.resource_classes:
                classes.add(binding.target)
            elif binding.kind == "function":
                converted = self.resource_functions.get(binding.target)
                if converted is None or converted.class_qualname is None:
                    return None
                classes.add(converted.class_qualname)
            else:
                return None
        return classes.pop() if len(classes) == 1 else None

    def _as_class(self, binding: Binding) -> str:
        """A function RSC203 converts is named by its class: the TODO reads the same on the
        next run, after the conversion."""
        function = self.resource_functions.get(binding.target)
        if binding.kind == "function" and function and function.class_qualname:
            return function.class_qualname
        return binding.target

    def why_unbound(self, key: str) -> str:
        targets = self.bindings.get(key)
        if not targets:
            return f'no binding of "{key}" found in the project'
        if len(targets) > 1:
            what = sorted({self._as_class(b) for b in targets})
            more = f" and {len(what) - 3} more" if len(what) > 3 else ""
            return f'"{key}" is bound to different resources: {", ".join(what[:3])}{more}'
        (binding,) = targets
        if binding.kind == "function":
            reason = self.resource_functions[binding.target].reason if (
                binding.target in self.resource_functions) else ""
            return f'"{key}" is bound to the legacy resource {binding.target}' + (
                f" ({reason})" if reason else "")
        return f'"{key}" is bound to {binding.target}, not a ConfigurableResource class'
