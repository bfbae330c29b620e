"""Setting resources up for a run (or a direct call) and tearing them down afterwards.

When a run starts, every bound resource it needs is resolved: run config gives the fields a
partially configured resource left open (or overrides those it has), and replaces the whole
config of a fully configured one, as in Dagster; EnvVars are read through the same walk as
op config (config_env; missing variables are reported together, naming the variable, the
resource key and the field); nested resources are resolved first. Then each resource is set
up (``yield_for_execution``) in dependency order, and torn down in reverse order after the
last step, also on failure.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Iterable, Mapping
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any

from dagwire.runtime.config_env import Path, mask_env_values, resolve_env
from dagwire.runtime.config_validation import (
    env_problem_lines,
    missing_env_lines,
    problems_of,
    validation_error_type,
)
from dagwire.runtime.config import plain_config_value
from dagwire.runtime.errors import (
    DagwireError,
    DagwireInvalidConfigError,
    DagwireMissingEnvVarError,
    DagwireResourceFunctionError,
)
from dagwire.runtime.legacy.resource_access import with_dependencies
from dagwire.runtime.legacy.resource_defs import function_resource_configs, nested_function_config
from dagwire.runtime.toposort import dependency_levels
from dagwire.runtime.resources import (
    ConfigurableResource,
    InitResourceContext,
    PartialResource,
    ResourceDefinition,
    as_resource_definition,
)

_LOG = logging.getLogger("dagwire")


def resource_run_config(run_config: Mapping[str, Any] | None, key: str) -> Any:
    """The ``resources: {key: {config: ...}}`` part of a plain-dict run config."""
    if not run_config:
        return None
    entry = (run_config.get("resources") or {}).get(key)
    if entry is None:
        return None
    if isinstance(entry, dict) and set(entry) <= {"config"}:
        return entry.get("config")
    return entry


class _Resolver:
    """Resolves configurable resources: env vars, launch config, nested resources."""

    def __init__(
        self,
        definitions: Mapping[str, ResourceDefinition],
        run_config: Mapping[str, Any] | None,
    ) -> None:
        self.definitions = definitions
        self.run_config = run_config
        self.missing_env: list[str] = []
        self.config_errors: list[tuple[str, list[str]]] = []
        # identity of a bound top-level resource object -> its key
        self.top_level: dict[int, str] = {
            id(d.resource): key for key, d in definitions.items() if d.resource is not None
        }
        self.bound_definitions = {id(d): key for key, d in definitions.items()}
        self.resolved: dict[str, Any] = {}
        # key -> top-level keys its nested partial resources are bound under
        self.depends_on: dict[str, list[str]] = {}

    def resolve_key(self, key: str) -> Any:
        if key not in self.resolved:
            resource = self.definitions[key].resource
            assert resource is not None, "only configurable resources are resolved"
            self.depends_on[key] = []
            self.resolved[key] = self.resolve(key, resource)
        return self.resolved[key]

    def resolve(self, key: str, resource: ConfigurableResource, path: Path = ()) -> Any:
        """A validated instance with environment values read and run config applied (the
        resource bound under ``key``, or its nested resource at field ``path``), or the
        resource itself when nothing changes."""
        resource_class: Any
        if isinstance(resource, PartialResource):
            resource_class, given = resource.resource_class, resource.partial_config
            changed = True
        else:  # declaration order, so that errors list fields the same way on every run
            resource_class, changed = type(resource), False
            given = {
                name: getattr(resource, name)
                for name in resource_class.model_fields
                if name in resource.model_fields_set
            }
        nested: dict[str, Any] = {}
        config: dict[str, Any] = {}
        for name, value in given.items():
            if isinstance(value, PartialResource) and id(value) in self.top_level:
                # Configured at launch under its own top-level key: use that instance.
                bound_key = self.top_level[id(value)]
                self.depends_on.setdefault(key, []).append(bound_key)
                nested[name] = self.resolve_key(bound_key)
                changed = True
            elif isinstance(value, ConfigurableResource):
                nested[name] = self.resolve(key, value, (*path, name))
                changed = changed or nested[name] is not value
            elif isinstance(value, ResourceDefinition) and id(value) in self.bound_definitions:
                # a resource function bound at the top level too: set up there first
                self.depends_on.setdefault(key, []).append(self.bound_definitions[id(value)])
                config[name] = value
            else:
                config[name] = value
        owner = f"resource '{'.'.join((key, *path))}'"
        override = resource_run_config(self.run_config, key) if not path else None
        if override is not None:
            # As in Dagster: run config gives the fields a partially configured resource left
            # open (or overrides some it was given), and REPLACES the config of a fully
            # configured one (fields it leaves out take the class defaults). Either way an
            # EnvVar the run config replaces is never read.
            problems = self._override_problems(resource_class, override, nested)
            if problems:
                self.config_errors.append((owner, problems))
                return resource
            if not isinstance(resource, PartialResource):
                config = {}
            changed = True
        resolution = resolve_env(resource_class, given=config, run_config=override)
        self.missing_env.extend(missing_env_lines(resolution, f"resource '{key}'", path))
        if resolution.problems:
            self.config_errors.append((owner, env_problem_lines(resolution)))
        if not (changed or resolution.masks) or resolution.missing or resolution.problems:
            return resource
        try:
            fields = {**resolution.value, **nested}
            instance = (resource_class._dagwire_from_run_config(fields) if override is not None
                        else resource_class(**fields))
        except validation_error_type() as error:
            self.config_errors.append((owner, problems_of(error)))
            return resource
        mask_env_values(instance, resolution.masks)
        return instance

    @staticmethod
    def _override_problems(
        resource_class: Any, override: Any, nested: Mapping[str, Any]
    ) -> list[str]:
        if not isinstance(override, Mapping):
            return [f"run config must be a dict of fields, got {type(override).__name__}"]
        return [
            f"{name}: a nested resource takes no run config here (bind it under its own "
            f"resource key to configure it at launch)"
            for name in override
            if name in nested or _is_resource_field(resource_class, name)
        ]


def _is_resource_field(resource_class: Any, name: str) -> bool:
    info = resource_class.model_fields.get(name)
    annotation = getattr(info, "annotation", None)
    return isinstance(annotation, type) and issubclass(annotation, ConfigurableResource)


def _dependency_order(keys: list[str], depends_on: Mapping[str, list[str]]) -> list[str]:
    """Keys with the resources they depend on first (each key once)."""
    ordered: list[str] = []

    def visit(key: str) -> None:
        if key in ordered:
            return
        for dependency in depends_on.get(key, ()):
            visit(dependency)
        ordered.append(key)

    for key in keys:
        visit(key)
    return ordered


class InitializedResources:
    """Context manager: ``with InitializedResources(...) as resources:`` gives key -> object."""

    def __init__(
        self,
        definitions: Mapping[str, ResourceDefinition | Any],
        keys: Iterable[str] | None = None,
        *,
        run_config: Mapping[str, Any] | None = None,
        run_id: str = "",
        log: logging.Logger | None = None,
    ) -> None:
        self.definitions = {k: as_resource_definition(v) for k, v in definitions.items()}
        self.keys = list(self.definitions) if keys is None else [
            k for k in keys if k in self.definitions
        ]
        self.run_config = run_config
        self.run_id = run_id
        self.log = log or _LOG
        self._teardowns: list[tuple[str, Callable[[], Any]]] = []
        # id of a resource object already set up in this run -> what its users get
        self._produced: dict[int, Any] = {}
        # id of a bound definition object -> its key (a nested one is set up there)
        self._bound_keys = {id(value): key for key, value in definitions.items()}
        self.teardown_failures: list[tuple[str, Exception]] = []
        self.values: dict[str, Any] = {}
        # config of resource functions (legacy @resource), checked when the run starts
        self.function_configs: dict[str, Any] = {}

    def __enter__(self) -> dict[str, Any]:
        # resource functions may require other resources: those are set up first
        self.keys = with_dependencies(self.definitions, self.keys)
        resolver = _Resolver(self.definitions, self.run_config)
        for key in self.keys:
            if self.definitions[key].resource is not None:
                resolver.resolve_key(key)
        resolved = resolver.resolved
        self.keys = self._dagster_order(_dependency_order(self.keys, resolver.depends_on),
                                        resolver.depends_on)
        self.function_configs, missing_env, config_errors = function_resource_configs(
            self.definitions, self.keys, self.run_config, resource_run_config
        )
        resolver.missing_env.extend(missing_env)
        resolver.config_errors.extend(config_errors)
        if resolver.config_errors:
            problems = [f"{owner}: {line}" for owner, lines in resolver.config_errors for line in lines]
            raise DagwireInvalidConfigError("Invalid resource config:", problems)
        if resolver.missing_env:
            raise DagwireMissingEnvVarError(
                "Missing environment variables:", resolver.missing_env
            )
        try:
            for key in self.keys:
                self.values[key] = self._start(key, self.definitions[key], resolved.get(key))
        except BaseException:
            self._teardown_all()
            raise
        return self.values

    def _dagster_order(self, keys: list[str], depends_on: Mapping[str, list[str]]) -> list[str]:
        """Dagster's set-up order: by dependency level, then by key (teardown reverses it).
        A fully configured resource nested in another is set up with it (before it)."""
        needs: dict[str, set[str]] = {}
        for key in keys:
            upstream = set(depends_on.get(key, ()))
            upstream.update(getattr(self.definitions[key], "required_resource_keys", None) or ())
            needs[key] = {k for k in upstream if k in keys}
        return [key for level in dependency_levels(needs) for key in level]

    def _start(self, key: str, definition: ResourceDefinition, resolved: Any) -> Any:
        context = InitResourceContext(
            resource_key=key,
            resource_config=self.function_configs[key]
            if key in self.function_configs
            else resource_run_config(self.run_config, key),
            resources=self.values,
            run_id=self.run_id,
            log=self.log,
        )
        if definition.resource is not None:
            return self._start_configurable(key, resolved, context)
        if definition.resource_fn is not None:
            fn = definition.resource_fn
            value = self._guarded(key, lambda: self._enter(key, fn(context)))
            if isinstance(value, ConfigurableResource):  # a function may build one: set it up
                return self._start_configurable(key, value, context)
            return value
        return definition.value

    def _enter(self, key: str, result: Any) -> Any:
        """The value of a generator (setup, ``yield``, teardown) or a context manager
        (``@contextmanager``), whose end runs at teardown; any other result as it is."""
        if isinstance(result, Generator):
            value = next(result)
            self._teardowns.append((key, lambda: next(result, None)))
            return value
        if isinstance(result, AbstractContextManager):
            value = result.__enter__()
            self._teardowns.append((key, lambda: result.__exit__(None, None, None)))
            return value
        return result

    def _start_configurable(
        self, key: str, resource: Any, context: InitResourceContext
    ) -> Any:
        """Set up what the resource holds first (depth first: nested resources,
        ``ResourceDependency`` fields given a ``@resource`` function), then the resource
        itself, and return what its users get: the resource, with each field that held
        another resource replaced by what that one gives, or what ``create_resource``
        returns. An object already set up in this run (bound under a key and nested
        elsewhere) is not set up twice."""
        if id(resource) in self._produced:
            return self._produced[id(resource)]
        original = resource
        updates: dict[str, Any] = {}
        for name in type(resource).model_fields:
            nested = getattr(resource, name, None)
            produced = self._start_nested(f"{key}.{name}", nested)
            if produced is not nested:
                updates[name] = produced
        if updates:
            resource = resource.model_copy(update=updates)
        # Dagster's resource_config for a configurable resource: its config fields (nested
        # resources left out), Enums by value
        context.resource_config = {
            name: plain_config_value(value)
            for name in type(resource).model_fields
            if not isinstance(value := getattr(resource, name, None),
                              (ConfigurableResource, ResourceDefinition))
        }
        resource._dagwire_context = context
        ready = self._guarded(key, lambda: self._enter(key, resource.yield_for_execution(context)))
        produced = ready
        if isinstance(ready, ConfigurableResource) and \
                type(ready).create_resource is not ConfigurableResource.create_resource:
            produced = self._guarded(key, lambda: self._enter(key, ready.create_resource(context)))
        self._produced[id(original)] = self._produced[id(resource)] = produced
        return produced

    def _start_nested(self, key: str, nested: Any) -> Any:
        """What a field of a resource gives once set up (the value itself when it holds no
        resource)."""
        if isinstance(nested, ConfigurableResource):
            return self._start_configurable(key, nested, InitResourceContext(
                resource_key=key, resources=self.values, run_id=self.run_id, log=self.log,
            ))
        if not isinstance(nested, ResourceDefinition):
            return nested
        bound = self._bound_keys.get(id(nested))
        if bound is not None and bound in self.values:
            return self.values[bound]  # bound at the top level too: set up there first
        if nested.resource_fn is None:
            return nested.value if nested.resource is None else nested.resource
        config = nested_function_config(nested, key)
        fn = nested.resource_fn
        return self._guarded(key, lambda: self._enter(key, fn(InitResourceContext(
            resource_key=key, resource_config=config, resources=self.values,
            run_id=self.run_id, log=self.log,
        ))))

    @staticmethod
    def _guarded(key: str, start: Callable[[], Any]) -> Any:
        """Run a resource's set-up; an exception from user code becomes a
        DagwireResourceFunctionError naming the resource (Dagster's class), caused by it."""
        try:
            return start()
        except DagwireError:
            raise
        except Exception as error:
            raise DagwireResourceFunctionError(
                f"resource '{key}' failed to set up: {type(error).__name__}: {error}"
            ) from error

    def _teardown_all(self) -> None:
        """Tear every resource down, last set up first. A teardown that fails is logged and
        recorded (``teardown_failures``): as in Dagster, it does not fail the run."""
        while self._teardowns:
            key, finish = self._teardowns.pop()
            try:
                finish()
            except Exception as error:
                self.teardown_failures.append((key, error))
                self.log.error("teardown of resource '%s' failed: %s: %s", key,
                               type(error).__name__, error)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._teardown_all()


__all__ = ["InitializedResources", "resource_run_config"]
