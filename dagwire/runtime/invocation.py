"""Direct invocation: calling an op, asset, sensor or schedule like the function it wraps.

``greet(config=GreetingConfig(...))``, ``my_asset(foo_resource=FooResource())``,
``my_op(build_op_context(resources={...}))``, ``my_sensor(s3=MockS3())``. Resources come from
the arguments, or from the context's resources; they are set up around the call (EnvVars
resolved, ``setup_for_execution`` / teardown). A missing resource or config names the
parameter.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable, Generator, Mapping
from typing import Any, Protocol

from dagwire.runtime.config import config_dict
from dagwire.runtime.config_validation import validate_config, validate_primitive
from dagwire.runtime.context import (
    OpExecutionContext,
    ScheduleEvaluationContext,
    SensorEvaluationContext,
)
from dagwire.runtime.errors import DagwireInvalidInvocationError, DagwireResourceNotFoundError
from dagwire.runtime.legacy.op_config import validate_direct_config
from dagwire.runtime.parameters import Parameters, type_name
from dagwire.runtime.partitions import StepPartitions
from dagwire.runtime.resource_init import InitializedResources
from dagwire.runtime.resources import context_value


class Invocable(Protocol):
    """What direct invocation needs from a definition."""

    @property
    def fn(self) -> Callable[..., Any]: ...

    @property
    def parameters(self) -> Parameters: ...

    @property
    def signature(self) -> inspect.Signature: ...

    def describe(self) -> str: ...


_CONTEXT_HELPERS = {
    "op": "build_op_context()",
    "asset": "build_asset_context()",
    "asset_check": "build_asset_context()",
    "sensor": "build_sensor_context()",
    "schedule": "build_schedule_context()",
}


def _context_resources(context: Any) -> dict[str, Any]:
    values = getattr(context, "_resource_values", None)
    return dict(values) if isinstance(values, dict) else {}


def _is_context(value: Any) -> bool:
    return isinstance(value, (OpExecutionContext, SensorEvaluationContext,
                              ScheduleEvaluationContext))


def _default_config(config_class: Any) -> Any | None:
    """An instance with all defaults, or None when a field is required."""
    if all(not info.is_required() for info in config_class.model_fields.values()):
        return config_class()
    return None


def _with_op_config(context: Any, op_config: Any) -> Any:
    """A copy of ``context`` whose ``op_config`` is ``op_config``."""
    clone: Any = copy.copy(context)
    clone.op_config = op_config
    return clone


def invoke(definition: Invocable, kind: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Any:
    owner = definition.describe()
    params = definition.parameters
    context: Any = None
    if args and _is_context(args[0]) and params.names and \
            params.names[0] != params.context_param:
        # A context given first, to a function whose first parameter is not its context (it
        # has none, or a sensor's comes after its resources): as in Dagster, it is the
        # context, and its config and resources fill the call
        context, args = args[0], args[1:]
        if params.context_param is not None:
            kwargs = {**kwargs, params.context_param: context}
    try:
        bound = definition.signature.bind_partial(*args, **kwargs)
    except TypeError as error:
        raise DagwireInvalidInvocationError(f"{owner}: {error}") from None
    arguments = dict(bound.arguments)

    if params.context_param is not None:
        if params.context_param not in arguments:
            raise DagwireInvalidInvocationError(
                f"{owner} was called without its context parameter '{params.context_param}': "
                f"pass {_CONTEXT_HELPERS[kind]}"
            )
        context = arguments[params.context_param]

    call_kwargs: dict[str, Any] = {}
    source = params.config
    if source is not None and source.kind == "class" and source.param is not None:
        config_class = source.config_class
        fixed = getattr(definition, "fixed_config", None)
        if source.param in arguments and getattr(context, "op_config", None) is not None:
            raise DagwireInvalidInvocationError(
                f"Cannot provide config in both context and kwargs: {owner} got "
                f"{source.param}= and a context with config; give the config once"
            )
        if source.param in arguments:
            config = validate_config(config_class, arguments[source.param], owner)
        elif fixed is not None:
            config = validate_config(config_class, fixed.value, owner)
        elif context is not None and getattr(context, "op_config", None) is not None:
            config = validate_config(config_class, context.op_config, owner)
        else:
            config = _default_config(config_class)
            if config is None:
                raise DagwireInvalidInvocationError(
                    f"{owner} was called without its config parameter '{source.param}' "
                    f"({type_name(config_class)}): pass {source.param}="
                    f"{type_name(config_class)}(...)"
                )
        call_kwargs[source.param] = config
        if context is not None and config is not None:
            # the context reports the config the call runs with, as a dict (as in Dagster)
            context = _with_op_config(context, config_dict(config))
    elif source is not None and source.kind == "primitive" and source.param is not None:
        given = arguments.get(source.param, getattr(context, "op_config", None))
        value = validate_primitive(source.config_class, given, source.default, owner)
        call_kwargs[source.param] = value
        if context is not None:
            context = _with_op_config(context, value)
    elif source is not None and source.kind == "schema" and context is not None:
        # legacy config_schema=: the context's config, checked and with defaults applied
        op_config = validate_direct_config(source.schema, getattr(context, "op_config", None), owner)
        context = _with_op_config(context, op_config)

    from_context = _context_resources(context)
    given = [r.param for r in params.resources if r.param in arguments]
    if given and from_context:
        raise DagwireInvalidInvocationError(
            f"Cannot provide resources in both context and kwargs: {owner} got "
            f"{', '.join(repr(param) for param in given)} as arguments and a context with "
            f"resources ({', '.join(sorted(from_context))}); give each resource one way"
        )
    raw_resources: dict[str, Any] = dict(from_context)
    missing: list[str] = []
    for requirement in params.resources:
        assert requirement.param is not None
        if requirement.param in arguments:
            raw_resources[requirement.key] = arguments[requirement.param]
        elif requirement.key not in from_context:
            missing.append(f"'{requirement.param}' ({type_name(requirement.annotation)})")
    for requirement in params.extra_requirements:
        if requirement.key not in from_context:
            missing.append(f"'{requirement.key}' (required_resource_keys)")
    if missing:
        noun = "resource parameter" if len(missing) == 1 else "resource parameters"
        raise DagwireResourceNotFoundError(
            f"{owner} was called without its {noun} {', '.join(missing)}: pass it as an "
            f"argument or in the context's resources"
        )

    context = _with_partitions(context, definition)
    defaults: dict[str, Any] = getattr(definition, "input_defaults", {})  # In(default_value=)
    for name in params.inputs:
        if name in arguments:
            call_kwargs[name] = arguments[name]
        elif name in defaults:
            call_kwargs[name] = defaults[name]
        elif name not in params.optional_inputs:
            raise DagwireInvalidInvocationError(f"{owner} was called without its input '{name}'")

    def run(resources: dict[str, Any]) -> dict[str, Any]:
        full = dict(call_kwargs)
        for requirement in params.resources:
            assert requirement.param is not None
            full[requirement.param] = resources[requirement.key]
        if params.context_param is not None:
            with_resources = getattr(context, "with_resources", None)
            shown = {key: context_value(value) for key, value in resources.items()}
            full[params.context_param] = (
                with_resources(shown) if with_resources is not None and resources else context
            )
        return full

    fn = definition.fn
    if not raw_resources:
        return fn(**run({}))
    if inspect.isgeneratorfunction(fn):
        # Keep the resources set up while the caller iterates.
        return _generate_with(raw_resources, fn, run)
    with InitializedResources(raw_resources, run_id="direct") as resources:
        return fn(**run(resources))


def _with_partitions(context: Any, definition: Any) -> Any:
    """A context built with ``partition_key=`` for a partitioned asset: its partitions
    definition answers ``partition_time_window`` and the output's partition key."""
    partitions = getattr(context, "partitions", None)
    partitions_def = getattr(definition, "partitions_def", None)
    if not isinstance(partitions, StepPartitions) or partitions.key is None \
            or partitions_def is None:
        return context
    clone = copy.copy(context)
    clone.partitions = StepPartitions(
        partitions.key, partitions_def,
        outputs={name: partitions_def for name, _ in getattr(definition, "outputs", ())},
        own_def=partitions_def)
    return clone


def _generate_with(
    raw_resources: dict[str, Any],
    fn: Callable[..., Any],
    build: Callable[[dict[str, Any]], dict[str, Any]],
) -> Generator[Any, Any, Any]:
    with InitializedResources(raw_resources, run_id="direct") as resources:
        result = yield from fn(**build(resources))
        return result


__all__ = ["invoke"]
