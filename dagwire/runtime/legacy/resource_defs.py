"""``@resource`` functions, ``.configured(...)``, ``make_values_resource`` and their config.

A resource function gets an InitResourceContext whose ``resource_config`` is its config,
checked against ``config_schema`` with defaults applied and ``{"env": ...}`` sources read
when the run starts. Generator functions are set up around ``yield`` and torn down after
the last step (``resource_init`` does that for every resource kind).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Mapping
from typing import Any, overload

from dagwire.runtime.context import InitResourceContext
from dagwire.runtime.errors import DagwireInvalidConfigError, DagwireInvalidDefinitionError
from dagwire.runtime.legacy.config_types import (
    NO_VALUE,
    ConfigProblem,
    LegacyConfigError,
    LegacyField,
    Shape,
    format_path,
)
from dagwire.runtime.legacy.op_config import compile_schema
from dagwire.runtime.io_managers import ConfigurableIOManagerFactory
from dagwire.runtime.resources import ResourceDefinition


def _call_resource_fn(fn: Callable[..., Any], context: InitResourceContext) -> Any:
    # Dagster allows resource functions without a context parameter.
    if not inspect.signature(fn).parameters:
        return fn()
    return fn(context)


class LegacyResourceDefinition(ResourceDefinition):
    """A resource function with a legacy ``config_schema`` (what ``@resource`` returns).

    ``configured_config`` is set by ``.configured(...)``: the config is then fixed (or, with a
    function, computed from the new ``config_schema``) and run config for the key is not used.
    """

    def __init__(
        self,
        resource_fn: Callable[..., Any],
        config_schema: Any = None,
        description: str | None = None,
        required_resource_keys: Iterable[str] | None = None,
        version: str | None = None,
    ) -> None:
        def call(context: InitResourceContext) -> Any:
            return _call_resource_fn(resource_fn, context)

        functools.update_wrapper(call, resource_fn)  # the catalog shows the function's name
        super().__init__(
            resource_fn=call,
            config_schema=config_schema,
            description=description or inspect.getdoc(resource_fn),
            required_resource_keys=set(required_resource_keys or ()),
        )
        self.function = resource_fn
        self.version = version
        self.name = getattr(resource_fn, "__name__", "resource")
        self.config_field = compile_schema(config_schema, f"resource '{self.name}'")
        self.configured_config: Any = NO_VALUE
        self.config_mapping: Callable[[Any], Any] | None = None
        self.outer_field: LegacyField | None = None

    def configured(
        self,
        config_or_config_fn: Any,
        config_schema: Any = None,
        description: str | None = None,
    ) -> LegacyResourceDefinition:
        """A copy whose config is fixed to ``config_or_config_fn`` (a dict), or computed by it
        from run config checked against ``config_schema`` (a function)."""
        clone = LegacyResourceDefinition(
            self.function,
            config_schema=self.config_schema,
            description=description or self.description,
            required_resource_keys=self.required_resource_keys,
            version=self.version,
        )
        if callable(config_or_config_fn):
            clone.config_mapping = config_or_config_fn
            clone.outer_field = compile_schema(config_schema, f"resource '{self.name}'")
        else:
            # a resource with a config function is configured with its outer config
            clone.config_mapping, clone.outer_field = self.config_mapping, self.outer_field
            checked = self.outer_field if self.outer_field is not None else self.config_field
            try:
                # structure only: {"env": ...} sources are read when a run starts
                checked.validate(config_or_config_fn, resolve_env=False)
            except LegacyConfigError as error:
                raise DagwireInvalidDefinitionError(
                    f"Invalid .configured() config for resource '{self.name}':",
                    [f"{format_path(p.path)}: {p.message}" for p in error.problems],
                ) from None
            clone.configured_config = config_or_config_fn
        return clone

    def resolve_config(self, run_config_value: Any) -> Any:
        """This resource's config for a run (``NO_VALUE`` when run config has none).

        Raises LegacyConfigError; paths are relative to the resource's ``config``.
        """
        if self.configured_config is not NO_VALUE:
            if run_config_value is not NO_VALUE:
                raise LegacyConfigError(
                    [_problem("the resource is configured (.configured()): run config for it "
                              "is not used; remove it")]
                )
            run_config_value = self.configured_config
        if self.config_mapping is not None and self.outer_field is not None:
            outer = self.outer_field.validate(run_config_value)
            return self.config_field.validate(self.config_mapping(outer))
        return self.config_field.validate(run_config_value)

    def catalog_config(self) -> list[tuple[str, str]]:
        """(field, shown value) rows for the resource catalog: the ``.configured`` config,
        ``{"env": ...}`` sources by variable name (they are never read here)."""
        if not isinstance(self.configured_config, dict):
            return []
        return [(name, repr(value)) for name, value in self.configured_config.items()]

    def __call__(self, context: InitResourceContext | None = None) -> Any:
        """Call the resource function directly, as Dagster allows
        (``my_db(build_init_resource_context(config={...}))``)."""
        given = None if context is None else context.resource_config
        try:
            config = self.resolve_config(NO_VALUE if given is None else given)
        except LegacyConfigError as error:
            raise DagwireInvalidConfigError(
                f"Invalid config for resource '{self.name}':",
                [f"{format_path(('config',) + p.path)}: {p.message}" for p in error.problems],
            ) from None
        init = InitResourceContext(
            resource_config=config,
            resources=None if context is None else context.resources,
        )
        return _call_resource_fn(self.function, init)

    def __repr__(self) -> str:
        return f"ResourceDefinition({self.name})"


def _problem(message: str) -> Any:
    return ConfigProblem((), message)


@overload
def resource(config_schema: Callable[..., Any], /) -> LegacyResourceDefinition: ...


@overload
def resource(
    config_schema: Any = None,
    description: str | None = None,
    required_resource_keys: Iterable[str] | None = None,
    version: str | None = None,
) -> Callable[[Callable[..., Any]], LegacyResourceDefinition]: ...


def resource(
    config_schema: Any = None,
    description: str | None = None,
    required_resource_keys: Iterable[str] | None = None,
    version: str | None = None,
) -> LegacyResourceDefinition | Callable[[Callable[..., Any]], LegacyResourceDefinition]:
    """Define a resource from a function of an InitResourceContext (bare or with arguments).

    The function returns the resource object, or yields it once: code after ``yield`` runs
    when the run's last step is done (teardown).
    """
    if callable(config_schema) and not isinstance(config_schema, type) and description is None \
            and required_resource_keys is None and version is None:
        return LegacyResourceDefinition(config_schema)

    def decorate(fn: Callable[..., Any]) -> LegacyResourceDefinition:
        return LegacyResourceDefinition(
            fn,
            config_schema=config_schema,
            description=description,
            required_resource_keys=required_resource_keys,
            version=version,
        )

    return decorate


class IOManagerDefinition(LegacyResourceDefinition):
    """A resource function that returns an IO manager (what ``@io_manager`` returns)."""


@overload
def io_manager(config_schema: Callable[..., Any], /) -> IOManagerDefinition: ...


@overload
def io_manager(
    config_schema: Any = None,
    description: str | None = None,
    required_resource_keys: Iterable[str] | None = None,
    version: str | None = None,
) -> Callable[[Callable[..., Any]], IOManagerDefinition]: ...


def io_manager(
    config_schema: Any = None,
    description: str | None = None,
    required_resource_keys: Iterable[str] | None = None,
    version: str | None = None,
) -> IOManagerDefinition | Callable[[Callable[..., Any]], IOManagerDefinition]:
    """``@resource`` for a function that returns an IO manager."""
    if callable(config_schema) and not isinstance(config_schema, type) and description is None \
            and required_resource_keys is None and version is None:
        return IOManagerDefinition(config_schema)

    def decorate(fn: Callable[..., Any]) -> IOManagerDefinition:
        return IOManagerDefinition(fn, config_schema=config_schema, description=description,
                                   required_resource_keys=required_resource_keys,
                                   version=version)

    return decorate


class ConfigurableLegacyIOManagerAdapter(ConfigurableIOManagerFactory):
    """Typed fields in front of a ``@io_manager`` function: the function gets the fields as
    its ``resource_config`` (override ``wrapped_io_manager``)."""

    @property
    def wrapped_io_manager(self) -> IOManagerDefinition:
        raise NotImplementedError(f"{type(self).__name__} must define wrapped_io_manager")

    def create_io_manager(self, context: InitResourceContext) -> Any:
        config = {name: getattr(self, name) for name in type(self).model_fields}
        return self.wrapped_io_manager(InitResourceContext(
            resource_key=context.resource_key, resource_config=config,
            resources=context.resources, run_id=context.run_id, log=context.log,
        ))


def make_values_resource(**kwargs: Any) -> LegacyResourceDefinition:
    """A resource whose value is its config: ``make_values_resource(size=int)`` is read as
    ``context.resources.values["size"]``; with no fields, any config is accepted as is."""

    def values(context: InitResourceContext) -> Any:
        return context.resource_config

    schema: Any = Shape(kwargs) if kwargs else None
    return LegacyResourceDefinition(values, config_schema=schema)


def function_resource_configs(
    definitions: Mapping[str, ResourceDefinition],
    keys: Iterable[str],
    run_config: Mapping[str, Any] | None,
    run_config_value: Callable[[Mapping[str, Any] | None, str], Any],
) -> tuple[dict[str, Any], list[str], list[tuple[str, list[str]]]]:
    """Config of every resource function among ``keys`` for a run.

    Returns (key -> config, missing environment variables in resource_init's format,
    (owner, problem lines) for bad config). Nothing is raised, so that every problem of a run
    is reported together.
    """
    configs: dict[str, Any] = {}
    missing_env: list[str] = []
    problems: list[tuple[str, list[str]]] = []
    for key in keys:
        definition = definitions[key]
        if definition.resource_fn is None:
            continue
        given = _run_config_entry(run_config, key, run_config_value)
        try:
            if isinstance(definition, LegacyResourceDefinition):
                configs[key] = definition.resolve_config(given)
            else:  # ResourceDefinition(resource_fn=..., config_schema=...) built by hand
                field = compile_schema(definition.config_schema, f"resource '{key}'")
                configs[key] = field.validate(given)
        except LegacyConfigError as error:
            lines: list[str] = []
            for problem in error.problems:
                field_path = format_path(problem.path)
                if problem.env_var is not None and "is not set" in problem.message:
                    missing_env.append(
                        f"{problem.env_var} (resource '{key}', field '{field_path}')"
                    )
                else:
                    lines.append(f"{format_path(('resources', key, 'config') + problem.path)}: "
                                 f"{problem.message}")
            if lines:
                problems.append((f"resource '{key}'", lines))
    return configs, missing_env, problems


def nested_function_config(definition: ResourceDefinition, key: str) -> Any:
    """The config of a resource function held by another resource's field (not bound at the
    top level, so no run config reaches it): its ``.configured`` config, or its schema's
    defaults."""
    try:
        if isinstance(definition, LegacyResourceDefinition):
            return definition.resolve_config(NO_VALUE)
        return compile_schema(definition.config_schema, f"resource '{key}'").validate(NO_VALUE)
    except LegacyConfigError as error:
        raise DagwireInvalidConfigError(
            "Invalid resource config:",
            [f"resource '{key}': {format_path(p.path)}: {p.message} (bind it at the top level "
             "to configure it with run config)" for p in error.problems],
        ) from None


def _run_config_entry(
    run_config: Mapping[str, Any] | None,
    key: str,
    run_config_value: Callable[[Mapping[str, Any] | None, str], Any],
) -> Any:
    resources = (run_config or {}).get("resources") or {}
    if key not in resources:
        return NO_VALUE
    value = run_config_value(run_config, key)
    return NO_VALUE if value is None else value


__all__ = [
    "ConfigurableLegacyIOManagerAdapter",
    "IOManagerDefinition",
    "LegacyResourceDefinition",
    "io_manager",
    "function_resource_configs",
    "make_values_resource",
    "nested_function_config",
    "resource",
]
