"""Definitions: everything a code location defines, with top-level resources bound to
every asset, job, sensor and schedule that requests them.

Construction never validates (partial Definitions combined with ``Definitions.merge`` are
legal); ``validate()`` / ``Definitions.validate_loadable(defs)``, the first ``get_*_def`` lookup
or execution, and the CLI do.
"""

from __future__ import annotations

import importlib
import pkgutil
import types
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from dagwire.runtime.asset import AssetKey, AssetsDefinition
from dagwire.runtime.asset_check import AssetChecksDefinition
from dagwire.runtime.asset_spec import AssetSpec
from dagwire.runtime.errors import DagwireDefinitionNotFoundError, DagwireInvalidDefinitionError
from dagwire.runtime.job import JobDefinition, UnresolvedAssetJobDefinition
from dagwire.runtime.legacy.resource_access import asset_resource_problems
from dagwire.runtime.plan import asset_steps
from dagwire.runtime.schedule import ScheduleDefinition
from dagwire.runtime.sensor import SensorDefinition
from dagwire.runtime.validation import ResourceUser, binding_problems, nested_partial_problems

AnyJob = JobDefinition | UnresolvedAssetJobDefinition
Trigger = TypeVar("Trigger", SensorDefinition[Any, Any], ScheduleDefinition[Any, Any])

# mypy joins definitions of different signatures to `object` (`all_assets = [a, b]` is a
# `list[object]`), so typed elements here would reject ordinary code. What each list holds
# is checked when the definitions load, and by the mypy plugin.
DefinitionList = Iterable[Any]


class BindResourcesToJobs(list[AnyJob]):
    """Dagster 1.2's opt-in for binding top-level resources to jobs. Binding is always on in
    dagwire (as in Dagster 1.3+); the wrapper is accepted for compatibility."""


def resource_user(
    definition: AssetsDefinition[Any, Any] | AssetChecksDefinition[Any, Any],
) -> ResourceUser:
    """What an asset or asset check needs: its parameters' resources, its own
    `resource_defs=`, and the IO and input managers that store and load its values."""
    managers = set(getattr(definition, "io_manager_keys", {}).values())
    return ResourceUser(
        definition.describe(),
        definition.resource_requirements,
        definition.resource_defs,
        sorted(managers | set(definition.input_manager_keys.values())),
    )


class Definitions:
    """``Definitions(assets=, asset_checks=, jobs=, schedules=, sensors=, resources=)``.

    ``assets`` holds the computed assets; the ``AssetSpec``s given there (external assets) are
    in ``asset_specs``, and asset checks (given in either list) in ``asset_checks``."""

    def __init__(
        self,
        assets: DefinitionList | None = None,
        schedules: DefinitionList | None = None,
        sensors: DefinitionList | None = None,
        jobs: DefinitionList | None = None,
        resources: Mapping[str, Any] | None = None,
        executor: Any = None,
        loggers: Mapping[str, Any] | None = None,
        asset_checks: DefinitionList | None = None,
    ) -> None:
        given = list(assets or ())
        self.assets: list[AssetsDefinition[Any, Any]] = [
            item for item in given if not isinstance(item, (AssetSpec, AssetChecksDefinition))]
        self.asset_specs: list[AssetSpec] = [item for item in given if isinstance(item, AssetSpec)]
        self.asset_checks: list[AssetChecksDefinition[Any, Any]] = [
            *(item for item in given if isinstance(item, AssetChecksDefinition)),
            *(asset_checks or ())]
        self.schedules: list[ScheduleDefinition[Any, Any]] = list(schedules or ())
        self.sensors: list[SensorDefinition[Any, Any]] = list(sensors or ())
        self.jobs: list[AnyJob] = list(jobs or ())
        self.resources: dict[str, Any] = dict(resources or {})
        self.executor = executor
        self.loggers = dict(loggers or {})
        self._validated = False

    # -- combining -----------------------------------------------------------------------

    @staticmethod
    def merge(*definitions: Definitions) -> Definitions:
        """One Definitions from several; a resource key bound to two different objects is an
        error."""
        merged = Definitions()
        problems: list[str] = []
        for item in definitions:
            merged.assets.extend(item.assets)
            merged.asset_specs.extend(item.asset_specs)
            merged.asset_checks.extend(item.asset_checks)
            merged.schedules.extend(item.schedules)
            merged.sensors.extend(item.sensors)
            merged.jobs.extend(item.jobs)
            for key, value in item.resources.items():
                if key in merged.resources and merged.resources[key] is not value:
                    problems.append(f"resource '{key}' is bound in more than one Definitions")
                merged.resources[key] = value
            merged.loggers.update(item.loggers)
            merged.executor = item.executor or merged.executor
        if problems:
            raise DagwireInvalidDefinitionError("Cannot merge Definitions:", problems)
        return merged

    # -- validation ----------------------------------------------------------------------

    @staticmethod
    def validate_loadable(definitions: Definitions) -> None:
        """Raise DagwireInvalidDefinitionError listing every problem (Dagster's name)."""
        definitions.validate()

    def validate(self) -> None:
        problems = self.problems()
        if problems:
            raise DagwireInvalidDefinitionError("Invalid Definitions:", problems)
        self._validated = True

    def _ensure_valid(self) -> None:
        if not self._validated:
            self.validate()

    def all_jobs(self) -> list[AnyJob]:
        """The jobs given, plus jobs that sensors and schedules target (each name once)."""
        jobs: dict[str, AnyJob] = {}
        for job_def in self.jobs:
            jobs.setdefault(job_def.name, job_def)
        for trigger in self.triggers():
            for job_def in trigger.jobs:
                jobs.setdefault(job_def.name, job_def)
        return list(jobs.values())

    def all_assets(self) -> list[AssetsDefinition[Any, Any] | AssetSpec]:
        """The computed assets and the external ones (``AssetSpec``)."""
        return [*self.assets, *self.asset_specs]

    def triggers(self) -> list[SensorDefinition[Any, Any] | ScheduleDefinition[Any, Any]]:
        return [*self.sensors, *self.schedules]

    def resource_users(self) -> list[ResourceUser]:
        """Every definition that needs resources, in a stable order."""
        users: list[ResourceUser] = []
        computes: list[AssetsDefinition[Any, Any] | AssetChecksDefinition[Any, Any]] = [
            *self.assets, *self.asset_checks]
        users += [resource_user(definition) for definition in computes]
        for spec in self.asset_specs:  # an external asset is loaded by its IO manager
            users.append(ResourceUser(f"asset '{spec.key.to_user_string()}'", (), {},
                                      [spec.io_manager_key]))
        for job_def in self.all_jobs():
            if isinstance(job_def, JobDefinition):
                for node in job_def.nodes.values():
                    users.append(
                        ResourceUser(
                            f"op '{node.name}' in job '{job_def.name}'",
                            node.op.resource_requirements,
                            {**job_def.resource_defs, **node.op.resource_defs},
                            node.op.io_manager_keys,
                        )
                    )
        for sensor_def in self.sensors:
            users.append(ResourceUser(sensor_def.describe(), sensor_def.resource_requirements))
        for schedule_def in self.schedules:
            users.append(ResourceUser(schedule_def.describe(), schedule_def.resource_requirements))
        return users

    def problems(self) -> list[str]:
        """Every reason these Definitions cannot be loaded (empty when they can)."""
        problems = binding_problems(self.resource_users(), self.resources)
        problems += nested_partial_problems(self.resources)
        problems += asset_resource_problems(self.assets, self.resources)
        seen: dict[AssetKey, str] = {}
        for definition in self.assets:
            for key in definition.keys:
                if key in seen:
                    problems.append(
                        f"asset key '{key.to_user_string()}' is defined twice "
                        f"({seen[key]} and {definition.describe()})"
                    )
                seen[key] = definition.describe()
        try:
            asset_steps(self.all_assets(), checks=self.asset_checks)
        except DagwireInvalidDefinitionError as error:
            problems.extend(error.problems)
        names: dict[str, str] = {}
        for kind, items in (("job", self.all_jobs()), ("sensor", self.sensors),
                            ("schedule", self.schedules)):
            for item in items:
                if f"{kind}:{item.name}" in names:
                    problems.append(f"two {kind}s are named '{item.name}'")
                names[f"{kind}:{item.name}"] = item.name
        for job_def in self.all_jobs():
            if isinstance(job_def, UnresolvedAssetJobDefinition):
                try:
                    job_def.selected_keys(self.all_assets())
                except DagwireInvalidDefinitionError as error:
                    problems.extend(error.problems)
        job_names = {job_def.name for job_def in self.all_jobs()}
        for trigger in self.triggers():
            if trigger.job_name is not None and trigger.job_name not in job_names:
                problems.append(f"{trigger.describe()} targets job '{trigger.job_name}', "
                                "which is not defined")
        return problems

    # -- lookups -------------------------------------------------------------------------

    def get_job_def(self, name: str) -> JobDefinition:
        self._ensure_valid()
        for job_def in self.all_jobs():
            if job_def.name == name:
                resolved = (
                    job_def.resolve(self.all_assets(), self.asset_checks)
                    if isinstance(job_def, UnresolvedAssetJobDefinition)
                    else job_def
                )
                return resolved.with_bound_resources(self.resources)
        raise DagwireDefinitionNotFoundError(
            f"no job named '{name}'; defined jobs: "
            f"{', '.join(sorted(j.name for j in self.all_jobs())) or '(none)'}"
        )

    def get_all_job_defs(self) -> list[JobDefinition]:
        return [self.get_job_def(job_def.name) for job_def in self.all_jobs()]

    def get_implicit_global_asset_job_def(self) -> JobDefinition:
        self._ensure_valid()
        return UnresolvedAssetJobDefinition("__ASSET_JOB", None, None, None, None).resolve(
            self.all_assets(), self.asset_checks
        ).with_bound_resources(self.resources)

    # Dagster 1.13's names for the lookups (the get_* names are its older ones)
    def resolve_job_def(self, name: str) -> JobDefinition:
        return self.get_job_def(name)

    def resolve_all_job_defs(self) -> list[JobDefinition]:
        return self.get_all_job_defs()

    def resolve_implicit_global_asset_job_def(self) -> JobDefinition:
        return self.get_implicit_global_asset_job_def()

    def resolve_assets_def(self, key: str | Sequence[str] | AssetKey) -> AssetsDefinition[Any, Any]:
        return self.get_asset_def(key)

    def resolve_sensor_def(self, name: str) -> SensorDefinition[Any, Any]:
        return self.get_sensor_def(name)

    def resolve_schedule_def(self, name: str) -> ScheduleDefinition[Any, Any]:
        return self.get_schedule_def(name)

    def get_assets_def(self, key: str | Sequence[str] | AssetKey) -> AssetsDefinition[Any, Any]:
        """Dagster's name for ``get_asset_def``."""
        return self.get_asset_def(key)

    def get_asset_def(self, key: str | Sequence[str] | AssetKey) -> AssetsDefinition[Any, Any]:
        self._ensure_valid()
        asset_key = AssetKey.from_coercible(key)
        for definition in self.assets:
            if asset_key in definition.keys:
                return definition
        raise DagwireDefinitionNotFoundError(
            f"no asset with key '{asset_key.to_user_string()}'"
        )

    def get_sensor_def(self, name: str) -> SensorDefinition[Any, Any]:
        self._ensure_valid()
        for sensor_def in self.sensors:
            if sensor_def.name == name:
                return self._bound_trigger(sensor_def)
        raise DagwireDefinitionNotFoundError(f"no sensor named '{name}'")

    def get_schedule_def(self, name: str) -> ScheduleDefinition[Any, Any]:
        self._ensure_valid()
        for schedule_def in self.schedules:
            if schedule_def.name == name:
                return self._bound_trigger(schedule_def)
        raise DagwireDefinitionNotFoundError(f"no schedule named '{name}'")

    def _bound_trigger(self, trigger: Trigger) -> Trigger:
        """A sensor or schedule with the top-level resources, and its jobs as ``get_job_def``
        gives them (resolved, with the resources bound)."""
        bound = trigger.with_bound_resources(self.resources)
        bound.jobs = [self.get_job_def(job_def.name) for job_def in trigger.jobs]
        if trigger.job is not None:
            bound.job = self.get_job_def(trigger.job.name)
        return bound

    def __repr__(self) -> str:
        return (
            f"Definitions(assets={len(self.assets)}, jobs={len(self.jobs)}, "
            f"sensors={len(self.sensors)}, schedules={len(self.schedules)}, "
            f"resources={sorted(self.resources)})"
        )


def load_assets_from_modules(
    modules: Iterable[types.ModuleType],
    group_name: str | None = None,
    key_prefix: str | Sequence[str] | None = None,
) -> list[AssetsDefinition[Any, Any]]:
    """Every AssetsDefinition defined at the top level of ``modules``, in module order (each
    once). ``group_name`` sets the group of all of them; ``key_prefix`` prefixes their keys,
    and inputs / deps between the loaded assets follow the new keys."""
    found: list[AssetsDefinition[Any, Any]] = []
    seen: set[int] = set()
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, AssetsDefinition) and id(value) not in seen:
                seen.add(id(value))
                found.append(value)
    if group_name is None and not key_prefix:
        return found
    if group_name is not None:
        # as in Dagster: an asset's own group may not be overridden
        conflicts = [
            f"{definition.describe()} has group name '{group}', which conflicts with "
            f"group_name='{group_name}'"
            for definition in found
            for group in dict.fromkeys(definition.group_names.values())
            if group not in ("default", group_name)
        ]
        if conflicts:
            raise DagwireInvalidDefinitionError("Invalid load_assets_from_modules:", conflicts)
    loaded = {key for definition in found for key in definition.keys}
    return [_regrouped(d, group_name, key_prefix, loaded) for d in found]


def load_assets_from_package_module(
    package_module: types.ModuleType,
    group_name: str | None = None,
    key_prefix: str | Sequence[str] | None = None,
) -> list[AssetsDefinition[Any, Any]]:
    """Every AssetsDefinition defined at the top level of the package and of each module
    under it (imported here), as ``load_assets_from_modules`` loads them."""
    modules = [package_module]
    for info in pkgutil.walk_packages(getattr(package_module, "__path__", []),
                                      prefix=f"{package_module.__name__}."):
        modules.append(importlib.import_module(info.name))
    return load_assets_from_modules(modules, group_name=group_name, key_prefix=key_prefix)


def load_assets_from_package_name(
    package_name: str,
    group_name: str | None = None,
    key_prefix: str | Sequence[str] | None = None,
) -> list[AssetsDefinition[Any, Any]]:
    """``load_assets_from_package_module`` for the package named ``package_name``."""
    return load_assets_from_package_module(importlib.import_module(package_name),
                                           group_name=group_name, key_prefix=key_prefix)


def _regrouped(
    definition: AssetsDefinition[Any, Any],
    group_name: str | None,
    key_prefix: str | Sequence[str] | None,
    loaded: set[AssetKey],
) -> AssetsDefinition[Any, Any]:
    def rekey(key: AssetKey) -> AssetKey:
        return key.with_prefix(key_prefix) if key_prefix and key in loaded else key

    clone: AssetsDefinition[Any, Any] = object.__new__(AssetsDefinition)
    clone.__dict__.update(definition.__dict__)
    clone.keys = tuple(rekey(key) for key in definition.keys)
    clone.outputs = tuple((name, rekey(key)) for name, key in definition.outputs)
    clone.group_names = {
        rekey(key): group_name or group for key, group in definition.group_names.items()
    }
    clone.io_manager_keys = {rekey(key): io for key, io in definition.io_manager_keys.items()}
    clone.metadata_by_key = {rekey(key): meta for key, meta in definition.metadata_by_key.items()}
    clone.input_keys = {param: rekey(key) for param, key in definition.input_keys.items()}
    clone.deps = tuple(rekey(key) for key in definition.deps)
    # the op keeps its name (Dagster's step key stays "events", not "warehouse__events")
    return clone


__all__ = [
    "BindResourcesToJobs",
    "Definitions",
    "load_assets_from_modules",
    "load_assets_from_package_module",
    "load_assets_from_package_name",
]
