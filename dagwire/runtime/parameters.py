"""Parameter classification, and the ONE model of resource requirements and config sources.

Ops and assets (Dagster's rules):
- context: only the FIRST parameter, and only when named context / _context / context_ / _;
- config: the parameter named exactly ``config`` (its annotation gives the Config class);
- resource: a parameter annotated with a ConfigurableResource subclass, an IOManager subclass
  or ``ResourceParam[T]``; the key is the parameter name;
- anything else: an input.
Sensors and schedules: resources by annotation as above; the context is the first
non-resource parameter.

The legacy API feeds the same model: ``required_resource_keys=`` adds requirements with no
annotation, ``config_schema=`` gives a config source of kind ``"schema"``.
"""

from __future__ import annotations

import inspect
import sys
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from dagwire.runtime.config import Config
from dagwire.runtime.errors import DagwireInvalidDefinitionError
from dagwire.runtime.io_managers import ConfigurableIOManagerFactory, IOManager
from dagwire.runtime.legacy.op_config import compile_schema
from dagwire.runtime.resources import (
    RESOURCE_PARAM_MARKER,
    ConfigurableResource,
    ResourceDefinition,
)
from dagwire.vocabulary.calls import CONTEXT_PARAM_NAMES

# what a `config` parameter may be annotated with besides a Config class
PRIMITIVE_CONFIG_TYPES = (str, int, float, bool, list, dict)


@dataclass(frozen=True)
class ResourceRequirement:
    """A resource key a definition needs."""

    key: str
    # The annotated class (a ConfigurableResource/IOManager subclass, or T of ResourceParam[T]);
    # None when the key comes from required_resource_keys=.
    annotation: Any
    param: str | None
    source: Literal["parameter", "required_resource_keys"]


@dataclass(frozen=True)
class ConfigSource:
    """Where a definition's config comes from."""

    kind: Literal["class", "schema", "primitive"]
    # a Config subclass for kind "class"; str, int, float, bool, list or dict for "primitive"
    config_class: Any = None
    schema: Any = None  # the legacy config_schema for kind "schema"
    param: str | None = None  # "config" for kinds "class" and "primitive"
    default: Any = inspect.Parameter.empty  # the parameter's default ("primitive")


@dataclass(frozen=True)
class Parameters:
    """How a compute function's parameters are filled."""

    names: tuple[str, ...]
    context_param: str | None
    config: ConfigSource | None
    resources: tuple[ResourceRequirement, ...]
    inputs: tuple[str, ...]
    optional_inputs: frozenset[str] = field(default_factory=frozenset)
    # required_resource_keys=: requirements not tied to a parameter
    extra_requirements: tuple[ResourceRequirement, ...] = ()

    @property
    def requirements(self) -> tuple[ResourceRequirement, ...]:
        return self.resources + self.extra_requirements


def _caller_locals() -> dict[str, Any]:
    """Locals of the nearest frame outside dagwire: where the decorated function was
    defined, so that classes local to a function resolve in string annotations."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__", "").startswith("dagwire."):
        frame = frame.f_back  # type: ignore[assignment]
    return dict(frame.f_locals) if frame is not None else {}


_COMPILED: dict[str, Any] = {}


def _evaluate(text: str, globalns: dict[str, Any], localns: dict[str, Any] | None) -> Any:
    # Compiled code is cached by text (annotations repeat across a project); the lookup
    # itself is not, so a redefined class (notebooks) is always seen fresh.
    code = _COMPILED.get(text)
    if code is None:
        code = _COMPILED[text] = compile(text, "<annotation>", "eval")
    return eval(code, globalns, localns)  # noqa: S307 - annotation text written by the user


def _type_hints(fn: Callable[..., Any]) -> dict[str, Any]:
    """Parameter annotations, with string annotations (``from __future__ import
    annotations``) evaluated in the function's module, then in the defining frame's locals
    (classes local to a function). Unresolvable ones are left out."""
    annotations: dict[str, Any] = dict(getattr(fn, "__annotations__", {}))
    if not any(isinstance(value, str) for value in annotations.values()):
        return annotations
    globalns: dict[str, Any] = getattr(fn, "__globals__", {})
    localns: dict[str, Any] | None = None
    hints: dict[str, Any] = {}
    for name, annotation in annotations.items():
        if isinstance(annotation, str):
            try:
                annotation = _evaluate(annotation, globalns, None)
            except Exception:
                if localns is None:
                    localns = _caller_locals()
                try:
                    annotation = _evaluate(annotation, globalns, localns)
                except Exception:
                    continue
        hints[name] = annotation
    return hints


def resource_annotation(annotation: Any) -> tuple[bool, Any]:
    """(is a resource annotation, the class it names)."""
    metadata = getattr(annotation, "__metadata__", None)
    if metadata is not None and any(item is RESOURCE_PARAM_MARKER for item in metadata):
        return True, annotation.__origin__
    if isinstance(annotation, type) and issubclass(annotation, (ConfigurableResource, IOManager)):
        return True, annotation
    return False, None


def _gives_unknown_value(annotation: Any) -> bool:
    """A class whose objects, bound as resources, give their users something else (a resource
    function, an IO manager factory, a configurable IO manager): Dagster refuses a resource
    parameter annotated with it."""
    return isinstance(annotation, type) and (
        issubclass(annotation, (ResourceDefinition, ConfigurableIOManagerFactory))
        or issubclass(annotation, ConfigurableResource) and issubclass(annotation, IOManager)
    )


def _config_class(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Config)


def classify(
    fn: Callable[..., Any],
    *,
    owner: str,
    role: Literal["compute", "evaluation"],
    required_resource_keys: Iterable[str] | None = None,
    config_schema: Any = None,
    signature: inspect.Signature | None = None,
) -> Parameters:
    """Classify ``fn``'s parameters. ``owner`` names the definition in errors
    (``op 'greet'``); ``role`` is "compute" for ops/assets, "evaluation" for sensors and
    schedules."""
    signature = signature or inspect.signature(fn)
    hints = _type_hints(fn)
    names: list[str] = []
    context_param: str | None = None
    config: ConfigSource | None = None
    resources: list[ResourceRequirement] = []
    inputs: list[str] = []
    optional: set[str] = set()
    problems: list[str] = []

    for index, (name, parameter) in enumerate(signature.parameters.items()):
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            problems.append(f"parameter '{name}': *args / **kwargs are not supported")
            continue
        names.append(name)
        annotation = hints.get(name, parameter.annotation)
        if _gives_unknown_value(annotation):
            problems.append(
                f"Resource param '{name}' is annotated as '{annotation!r}', but '{annotation!r}' "
                "outputs an unknown value to user code such as @ops and @assets. This annotation "
                "should instead be 'ResourceParam[Any]' or 'ResourceParam[<output type>]'"
            )
            continue
        is_resource, resource_class = resource_annotation(annotation)
        if role == "compute":
            if index == 0 and name in CONTEXT_PARAM_NAMES:
                context_param = name
                continue
            if name == "config":
                if annotation in PRIMITIVE_CONFIG_TYPES:  # Dagster's `config: str = "x"`
                    config = ConfigSource(kind="primitive", config_class=annotation, param=name,
                                          default=parameter.default)
                    continue
                if not _config_class(annotation):
                    problems.append(
                        "parameter 'config' must be annotated with a Config subclass (or str, "
                        "int, float, bool, list or dict)"
                    )
                    continue
                problems.extend(annotation._dagwire_definition_problems())
                config = ConfigSource(kind="class", config_class=annotation, param=name)
                continue
            if is_resource:
                resources.append(ResourceRequirement(name, resource_class, name, "parameter"))
                continue
            inputs.append(name)
            if parameter.default is not parameter.empty:
                optional.add(name)
        else:
            if is_resource:
                resources.append(ResourceRequirement(name, resource_class, name, "parameter"))
            elif context_param is None:
                context_param = name
            else:
                problems.append(
                    f"parameter '{name}' is neither a resource (annotate it with a "
                    "ConfigurableResource subclass or ResourceParam[T]) nor the context"
                )

    if config_schema is not None:
        if config is not None:
            problems.append("config_schema= and a 'config' parameter cannot be combined")
        else:
            config = ConfigSource(kind="schema", schema=compile_schema(config_schema, owner))
    extra = tuple(
        ResourceRequirement(key, None, None, "required_resource_keys")
        for key in sorted(set(required_resource_keys or ()))
        if key not in {r.key for r in resources}
    )
    if problems:
        raise DagwireInvalidDefinitionError(f"Invalid definition of {owner}:", problems)
    return Parameters(
        names=tuple(names),
        context_param=context_param,
        config=config,
        resources=tuple(resources),
        inputs=tuple(inputs),
        optional_inputs=frozenset(optional),
        extra_requirements=extra,
    )


def type_name(annotation: Any) -> str:
    """A short readable name for an annotation, for messages."""
    if isinstance(annotation, type):
        return annotation.__qualname__
    return repr(annotation).replace("typing.", "")


__all__ = ["ConfigSource", "Parameters", "ResourceRequirement", "classify"]
