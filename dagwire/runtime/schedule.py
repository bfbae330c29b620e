"""``@schedule`` and ScheduleDefinition.

A schedule function takes resources (by annotation) and, optionally, a context (the first
non-resource parameter, a ScheduleEvaluationContext); it returns a run config dict, a
RunRequest (or several) or a SkipReason.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, Generic, Protocol

from typing_extensions import ParamSpec, TypeVar

from dagwire.runtime.context import build_schedule_context
from dagwire.runtime.cron import CronError, CronSchedule, timezone_named
from dagwire.runtime.errors import DagwireInvalidDefinitionError
from dagwire.runtime.invocation import invoke
from dagwire.runtime.job import JobDefinition, UnresolvedAssetJobDefinition
from dagwire.runtime.sensor import (
    EvaluationDefinition,
    TickResult,
    collect_tick,
    evaluate_with_resources,
)
from dagwire.runtime.unsupported import refuse

P = ParamSpec("P")
R = TypeVar("R")
# The class's own parameters have defaults, so that Dagster-style bare annotations
# (`def make() -> AssetsDefinition:`) pass `--strict`.
DefP = ParamSpec("DefP", default=...)
DefR = TypeVar("DefR", default=Any)


class DefaultScheduleStatus(enum.Enum):
    """Whether a schedule starts running when deployed (recorded; dagwire runs no daemon)."""

    RUNNING = "RUNNING"
    STOPPED = "STOPPED"


class ScheduleDefinition(EvaluationDefinition, Generic[DefP, DefR]):
    """A schedule. Calling it runs the function directly; ``evaluate_tick(context)`` gives
    the RunRequests of one tick; ``next_tick_after(moment)`` the next cron fire time."""

    kind = "schedule"

    def __init__(
        self,
        name: str | None = None,
        *,
        cron_schedule: str,
        job: JobDefinition | UnresolvedAssetJobDefinition | None = None,
        job_name: str | None = None,
        run_config: Mapping[str, Any] | None = None,
        execution_fn: Callable[DefP, DefR] | None = None,
        execution_timezone: str | None = None,
        description: str | None = None,
        required_resource_keys: Iterable[str] | None = None,
        default_status: DefaultScheduleStatus = DefaultScheduleStatus.STOPPED,
        tags: Mapping[str, str] | None = None,
        metadata: Mapping[str, Any] | None = None,
        owners: Sequence[str] | None = None,
        environment_vars: Mapping[str, str] | None = None,
        should_execute: Any = None,
        target: Any = None,
    ) -> None:
        refuse(f"schedule '{name or (job.name if job is not None else job_name)}'",
               should_execute=should_execute, target=target)
        # Dagster's constructor form: `ScheduleDefinition(job=daily, cron_schedule="0 6 * * *")`
        # requests one run of the job per tick, with `run_config` when given.
        fn: Callable[..., Any]
        if execution_fn is not None:
            fn = execution_fn
        else:
            fixed = dict(run_config or {})

            def fn() -> dict[str, Any]:
                return dict(fixed)

            target = job_name or (job.name if job is not None else None)
            if name is None and target is None:
                raise DagwireInvalidDefinitionError(
                    "Invalid definition of schedule: give a name, a job or an execution_fn"
                )
            fn.__name__ = name or f"{target}_schedule"
        self.name = name or fn.__name__  # named in a cron error
        try:
            self.cron = CronSchedule(cron_schedule)
        except CronError as error:
            raise DagwireInvalidDefinitionError(
                f"Invalid definition of schedule '{self.name}':",
                [f"cron_schedule '{cron_schedule}': {error}"],
            ) from None
        if execution_timezone is not None:
            try:
                timezone_named(execution_timezone)
            except CronError as error:
                raise DagwireInvalidDefinitionError(
                    f"Invalid definition of schedule '{self.name}':",
                    [f"execution_timezone: {error}"],
                ) from None
        self.cron_schedule = cron_schedule
        self.execution_timezone = execution_timezone
        self.default_status = default_status
        self._define(
            fn,
            name=name,
            job=job,
            job_name=job_name,
            description=description,
            required_resource_keys=required_resource_keys,
        )

    def next_tick_after(self, moment: datetime) -> datetime:
        """The first tick strictly after ``moment``, in the schedule's ``execution_timezone``
        (UTC when it has none), with Dagster's daylight-saving rules (``cron``)."""
        return self.cron.next_after(moment, self.execution_timezone)

    def evaluate_tick(self, context: Any = None) -> TickResult:
        context = context if context is not None else build_schedule_context(schedule_name=self.name)
        result = evaluate_with_resources(self, context, self.bound_resources)
        return collect_tick(result, self.describe(), self.job_name)

    def __call__(self, *args: DefP.args, **kwargs: DefP.kwargs) -> DefR:
        result: DefR = invoke(self, "schedule", args, kwargs)
        return result

    def __repr__(self) -> str:
        return f"ScheduleDefinition(name={self.name!r}, cron_schedule={self.cron_schedule!r})"


class ScheduleDecorator(Protocol):
    """What ``schedule(...)`` returns."""

    def __call__(self, fn: Callable[P, R], /) -> ScheduleDefinition[P, R]: ...


def schedule(
    cron_schedule: str,
    *,
    job: JobDefinition | UnresolvedAssetJobDefinition | None = None,
    job_name: str | None = None,
    name: str | None = None,
    execution_timezone: str | None = None,
    description: str | None = None,
    required_resource_keys: Iterable[str] | None = None,
    default_status: DefaultScheduleStatus = DefaultScheduleStatus.STOPPED,
    tags: Mapping[str, str] | None = None,
    metadata: Mapping[str, Any] | None = None,
    owners: Sequence[str] | None = None,
    environment_vars: Mapping[str, str] | None = None,
    tags_fn: Any = None,
    should_execute: Any = None,
    target: Any = None,
) -> ScheduleDecorator:
    """Define a schedule: ``@schedule(cron_schedule="0 6 * * *", job=my_job)``."""

    def decorate(function: Callable[P, R]) -> ScheduleDefinition[P, R]:
        refuse(f"schedule '{name or function.__name__}'", tags_fn=tags_fn,
               should_execute=should_execute, target=target)
        return ScheduleDefinition(
            name,
            cron_schedule=cron_schedule,
            execution_fn=function,
            job=job,
            job_name=job_name,
            execution_timezone=execution_timezone,
            description=description,
            required_resource_keys=required_resource_keys,
            default_status=default_status,
        )

    return decorate


__all__ = ["DefaultScheduleStatus", "ScheduleDecorator", "ScheduleDefinition", "schedule"]
