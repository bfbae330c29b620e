"""``@repository`` and ``with_resources``: the pre-Definitions way to group and bind.

A repository is loaded when it is decorated (as in Dagster): its function is called, what it
returns is sorted into assets, jobs, sensors and schedules, and the result is validated
like a Definitions (unbound resource keys, naming the key and every user). It has no
top-level resources: what it needs comes from ``resource_defs=`` on its jobs and from
``with_resources`` on its assets.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar, overload

from dagwire.runtime.asset import AssetKey, AssetsDefinition
from dagwire.runtime.definitions import Definitions, resource_user
from dagwire.runtime.errors import DagwireInvalidDefinitionError
from dagwire.runtime.job import JobDefinition, UnresolvedAssetJobDefinition
from dagwire.runtime.legacy.graph import GraphDefinition
from dagwire.runtime.legacy.resource_defs import LegacyResourceDefinition
from dagwire.runtime.schedule import ScheduleDefinition
from dagwire.runtime.sensor import SensorDefinition
from dagwire.runtime.validation import ResourceUser, binding_problems

T = TypeVar("T")


class RepositoryDefinition:
    """What ``@repository`` returns: lookups by name over a validated Definitions."""

    def __init__(self, name: str, definitions: Definitions, description: str | None = None) -> None:
        self.name = name
        self.description = description
        self.definitions = definitions

    def validate_loadable(self) -> None:
        problems = self.definitions.problems()
        if problems:
            raise DagwireInvalidDefinitionError(f"Invalid repository '{self.name}':", problems)
        self.definitions.validate()

    @property
    def job_names(self) -> list[str]:
        return [job_def.name for job_def in self.definitions.all_jobs()]

    def has_job(self, name: str) -> bool:
        return name in self.job_names

    def get_job(self, name: str) -> JobDefinition:
        return self.definitions.get_job_def(name)

    def get_all_jobs(self) -> list[JobDefinition]:
        return self.definitions.get_all_job_defs()

    def get_implicit_global_asset_job_def(self) -> JobDefinition:
        return self.definitions.get_implicit_global_asset_job_def()

    @property
    def schedule_defs(self) -> list[ScheduleDefinition[Any, Any]]:
        return list(self.definitions.schedules)

    @property
    def sensor_defs(self) -> list[SensorDefinition[Any, Any]]:
        return list(self.definitions.sensors)

    def has_schedule_def(self, name: str) -> bool:
        return any(s.name == name for s in self.definitions.schedules)

    def has_sensor_def(self, name: str) -> bool:
        return any(s.name == name for s in self.definitions.sensors)

    def get_schedule_def(self, name: str) -> ScheduleDefinition[Any, Any]:
        return self.definitions.get_schedule_def(name)

    def get_sensor_def(self, name: str) -> SensorDefinition[Any, Any]:
        return self.definitions.get_sensor_def(name)

    @property
    def assets_defs_by_key(self) -> dict[AssetKey, AssetsDefinition[Any, Any]]:
        return {key: d for d in self.definitions.assets for key in d.keys}

    def __repr__(self) -> str:
        return f"RepositoryDefinition(name={self.name!r})"


def _sort(name: str, items: Iterable[Any]) -> Definitions:
    assets: list[AssetsDefinition[Any, Any]] = []
    jobs: list[JobDefinition | UnresolvedAssetJobDefinition] = []
    sensors: list[SensorDefinition[Any, Any]] = []
    schedules: list[ScheduleDefinition[Any, Any]] = []
    problems: list[str] = []
    for item in items:
        if isinstance(item, AssetsDefinition):
            assets.append(item)
        elif isinstance(item, (JobDefinition, UnresolvedAssetJobDefinition)):
            jobs.append(item)
        elif isinstance(item, GraphDefinition):
            jobs.append(item.to_job())
        elif isinstance(item, SensorDefinition):
            sensors.append(item)
        elif isinstance(item, ScheduleDefinition):
            schedules.append(item)
        else:
            problems.append(
                f"returned a {type(item).__name__} ({item!r}): expected assets, jobs, graphs, "
                "sensors or schedules"
            )
    if problems:
        raise DagwireInvalidDefinitionError(f"Invalid repository '{name}':", problems)
    return Definitions(assets=assets, jobs=jobs, sensors=sensors, schedules=schedules)


def _flatten(name: str, returned: Any) -> list[Any]:
    if isinstance(returned, Mapping):  # {"jobs": {name: job}, "schedules": {...}, ...}
        flat: list[Any] = []
        for group in returned.values():
            flat.extend(group.values() if isinstance(group, Mapping) else group)
        return flat
    if isinstance(returned, (list, tuple)):
        return list(returned)
    raise DagwireInvalidDefinitionError(
        f"Invalid repository '{name}':",
        [f"the function must return a list or a dict, got {type(returned).__name__}"],
    )


@overload
def repository(fn: Callable[[], Any], /) -> RepositoryDefinition: ...


@overload
def repository(
    *, name: str | None = None, description: str | None = None
) -> Callable[[Callable[[], Any]], RepositoryDefinition]: ...


def repository(
    fn: Callable[[], Any] | None = None,
    /,
    *,
    name: str | None = None,
    description: str | None = None,
) -> RepositoryDefinition | Callable[[Callable[[], Any]], RepositoryDefinition]:
    """Define a repository from a function returning its jobs, assets, sensors and schedules.
    Loaded and validated here, at decoration (unbound resource keys are errors)."""

    def decorate(function: Callable[[], Any]) -> RepositoryDefinition:
        repo_name = name or function.__name__
        definitions = _sort(repo_name, _flatten(repo_name, function()))
        repo = RepositoryDefinition(repo_name, definitions, description or function.__doc__)
        repo.validate_loadable()
        return repo

    if fn is not None:
        return decorate(fn)
    return decorate


def with_resources(
    definitions: Iterable[T],
    resource_defs: Mapping[str, Any],
    resource_config_by_key: Mapping[str, Any] | None = None,
) -> Sequence[T]:
    """Copies of ``definitions`` (assets) that bind ``resource_defs`` themselves; their own
    ``resource_defs=`` win. ``resource_config_by_key`` configures resource functions:
    ``{"db": {"config": {...}}}``."""
    bound = dict(resource_defs)
    for key, entry in (resource_config_by_key or {}).items():
        if key not in bound:
            raise DagwireInvalidDefinitionError(
                "with_resources:",
                [f"resource_config_by_key names '{key}', which is not in resource_defs"],
            )
        target = bound[key]
        if not isinstance(target, LegacyResourceDefinition):
            raise DagwireInvalidDefinitionError(
                "with_resources:",
                [f"resource_config_by_key['{key}']: only @resource functions take config here"],
            )
        wrapped = isinstance(entry, Mapping) and set(entry) <= {"config"}
        config = entry.get("config") if wrapped else entry
        bound[key] = target.configured(config)
    result: list[T] = []
    # As dagster: each copy must have every key it needs here, whatever binds the rest later.
    users: list[ResourceUser] = []
    for definition in definitions:
        if not isinstance(definition, AssetsDefinition):
            raise DagwireInvalidDefinitionError(
                "with_resources:", [f"expected assets, got {type(definition).__name__}"]
            )
        clone = copy.copy(definition)
        clone.resource_defs = {**bound, **definition.resource_defs}
        result.append(clone)
        users.append(resource_user(clone))
    problems = binding_problems(users, bound)
    if problems:
        raise DagwireInvalidDefinitionError("with_resources:", problems)
    return result


__all__ = ["RepositoryDefinition", "repository", "with_resources"]
