"""``@sensor``, SensorDefinition, RunRequest and SkipReason.

A sensor function takes resources (by annotation) and, optionally, a context (the first
non-resource parameter); it returns or yields RunRequests, or a SkipReason.
"""

from __future__ import annotations

import enum
import inspect
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Generic, Protocol, overload

from typing_extensions import ParamSpec, Self, TypeVar

from dagwire.runtime.asset_key import AssetKey
from dagwire.runtime.config import RunConfig
from dagwire.runtime.context import build_sensor_context, with_resource_values
from dagwire.runtime.errors import DagwireInvalidDefinitionError
from dagwire.runtime.invocation import invoke
from dagwire.runtime.job import JobDefinition, UnresolvedAssetJobDefinition
from dagwire.runtime.parameters import Parameters, ResourceRequirement, classify
from dagwire.runtime.resource_init import InitializedResources
from dagwire.runtime.unsupported import refuse

P = ParamSpec("P")
R = TypeVar("R")
# The class's own parameters have defaults, so that Dagster-style bare annotations
# (`def make() -> AssetsDefinition:`) pass `--strict`.
DefP = ParamSpec("DefP", default=...)
DefR = TypeVar("DefR", default=Any)


class DefaultSensorStatus(enum.Enum):
    """Whether a sensor starts running when deployed (recorded; dagwire runs no daemon)."""

    RUNNING = "RUNNING"
    STOPPED = "STOPPED"


class RunRequest:
    """A request to launch a run; ``run_key`` de-duplicates requests across ticks."""

    def __init__(
        self,
        run_key: str | None = None,
        run_config: RunConfig | Mapping[str, Any] | None = None,
        tags: Mapping[str, str] | None = None,
        job_name: str | None = None,
        asset_selection: Sequence[Any] | None = None,
        partition_key: str | None = None,
    ) -> None:
        # the partition the run materializes (recorded: dagwire launches no runs itself)
        self.partition_key = partition_key
        # the assets to materialize (recorded: dagwire launches no runs itself)
        self.asset_selection: list[AssetKey] | None = (
            None if asset_selection is None
            else [AssetKey.from_coercible(item) for item in asset_selection]
        )

        self.run_key = run_key
        # Dagster's plain dict form, as Dagster stores it
        self.run_config: dict[str, Any] = (
            run_config.to_config_dict() if isinstance(run_config, RunConfig)
            else dict(run_config or {})
        )
        self.tags = dict(tags or {})
        self.job_name = job_name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RunRequest) and (
            (self.run_key, self.run_config, self.tags, self.job_name, self.partition_key)
            == (other.run_key, other.run_config, other.tags, other.job_name,
                other.partition_key)
        )

    def __hash__(self) -> int:
        return hash((self.run_key, self.job_name))

    def __repr__(self) -> str:
        return (f"RunRequest(run_key={self.run_key!r}, run_config={self.run_config!r}, "
                f"tags={self.tags!r}, job_name={self.job_name!r}, "
                f"partition_key={self.partition_key!r})")


class SkipReason:
    """Returned by a sensor or schedule that decides not to request a run."""

    def __init__(self, skip_message: str | None = None) -> None:
        self.skip_message = skip_message

    def __repr__(self) -> str:
        return f"SkipReason({self.skip_message!r})"


class SensorResult:
    """What a sensor may return instead of yielding: run requests (or a skip reason) and the
    new cursor."""

    def __init__(
        self,
        run_requests: Sequence[RunRequest] | None = None,
        skip_reason: SkipReason | str | None = None,
        cursor: str | None = None,
        dynamic_partitions_requests: Sequence[Any] | None = None,
        asset_events: Sequence[Any] | None = None,
    ) -> None:
        refuse("SensorResult", dynamic_partitions_requests=dynamic_partitions_requests or None,
               asset_events=asset_events or None)
        self.run_requests = list(run_requests or [])
        self.skip_reason = SkipReason(skip_reason) if isinstance(skip_reason, str) else skip_reason
        self.cursor = cursor

    def __repr__(self) -> str:
        return f"SensorResult(run_requests={self.run_requests!r}, cursor={self.cursor!r})"


class TickResult:
    """What one evaluation (tick) of a sensor or schedule produced."""

    def __init__(
        self,
        run_requests: list[RunRequest],
        skip_message: str | None,
        cursor: str | None = None,
    ) -> None:
        self.run_requests = run_requests
        self.skip_message = skip_message
        self.cursor = cursor

    def __repr__(self) -> str:
        return f"TickResult(run_requests={self.run_requests!r}, skip_message={self.skip_message!r})"


def collect_tick(result: Any, owner: str, default_job: str | None) -> TickResult:
    """RunRequests / SkipReason from what a sensor or schedule function returned."""
    items: list[Any]
    cursor: str | None = None
    if isinstance(result, SensorResult):
        cursor = result.cursor
        result = [*result.run_requests, *([result.skip_reason] if result.skip_reason else [])]
    if result is None:
        items = []
    elif isinstance(result, (RunRequest, SkipReason, dict)):
        items = [result]
    elif isinstance(result, Iterable) and not isinstance(result, (str, bytes)):
        items = list(result)
    else:
        items = [result]
    requests: list[RunRequest] = []
    skip: str | None = None
    for item in items:
        if isinstance(item, RunRequest):
            if item.job_name is None:
                item.job_name = default_job
            requests.append(item)
        elif isinstance(item, SkipReason):
            skip = item.skip_message
        elif isinstance(item, dict):  # a schedule returning run config
            requests.append(RunRequest(run_config=item, job_name=default_job))
        else:
            raise DagwireInvalidDefinitionError(
                f"{owner} returned a {type(item).__name__}: expected RunRequest, SkipReason "
                "or a run config dict"
            )
    if not requests and skip is None and result is None:
        skip = "the function returned None"
    return TickResult(requests, skip, cursor)


def evaluate_with_resources(
    definition: SensorDefinition[Any, Any] | Any,
    context: Any,
    bound: Mapping[str, Any],
) -> Any:
    """Call an evaluation function with its resources set up, consuming its results."""
    params: Parameters = definition.parameters
    available = {**bound, **dict(getattr(context, "_resource_values", {}) or {})}
    keys = [r.key for r in params.requirements]
    with InitializedResources(available, keys, run_id="tick") as resources:
        kwargs: dict[str, Any] = {}
        for requirement in params.resources:
            assert requirement.param is not None
            kwargs[requirement.param] = resources[requirement.key]
        if params.context_param is not None:
            if params.extra_requirements and hasattr(context, "_resource_values"):
                # required_resource_keys= (legacy): context.resources gets the set-up objects
                context = with_resource_values(
                    context, {k: resources[k] for k in keys}, definition.describe()
                )
            kwargs[params.context_param] = context
        result = definition.fn(**kwargs)
        if inspect.isgenerator(result):
            result = list(result)
        return result


class EvaluationDefinition:
    """What sensors and schedules share: the function, its target job, the resources it
    requests (by annotation, or ``required_resource_keys=``) and the top-level bindings."""

    kind = "evaluation"

    def _define(
        self,
        fn: Callable[..., Any],
        *,
        name: str | None,
        job: JobDefinition | UnresolvedAssetJobDefinition | None,
        job_name: str | None,
        description: str | None,
        required_resource_keys: Iterable[str] | None,
    ) -> None:
        self.fn: Callable[..., Any] = fn
        self.name = name or fn.__name__
        self.job = job
        # the jobs a sensor targets (jobs=[...]); one job when given as job=
        self.jobs: list[JobDefinition | UnresolvedAssetJobDefinition] = (
            [job] if job is not None else [])
        self.job_name = job_name or (job.name if job is not None else None)
        self.description = description or inspect.getdoc(fn)
        self.signature = inspect.signature(fn)
        self.parameters: Parameters = classify(
            fn,
            owner=self.describe(),
            role="evaluation",
            required_resource_keys=required_resource_keys,
            signature=self.signature,
        )
        self.bound_resources: dict[str, Any] = {}
        self.__wrapped__ = fn

    @property
    def resource_requirements(self) -> tuple[ResourceRequirement, ...]:
        return self.parameters.requirements

    @property
    def required_resource_keys(self) -> frozenset[str]:
        return frozenset(r.key for r in self.parameters.requirements)

    def describe(self) -> str:
        return f"{self.kind} '{self.name}'"

    def with_bound_resources(self, resources: Mapping[str, Any]) -> Self:
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.bound_resources = dict(resources)
        return clone


class SensorDefinition(EvaluationDefinition, Generic[DefP, DefR]):
    """A sensor. Calling it runs the function directly (``my_sensor(s3=MockS3())``);
    ``evaluate_tick(context)`` gives the RunRequests of one tick."""

    kind = "sensor"

    def __init__(
        self,
        fn: Callable[DefP, DefR],
        *,
        name: str | None = None,
        job: JobDefinition | UnresolvedAssetJobDefinition | None = None,
        job_name: str | None = None,
        minimum_interval_seconds: int | None = None,
        description: str | None = None,
        required_resource_keys: Iterable[str] | None = None,
        default_status: DefaultSensorStatus = DefaultSensorStatus.STOPPED,
        jobs: Sequence[JobDefinition | UnresolvedAssetJobDefinition] | None = None,
    ) -> None:
        targets = list(jobs or ())
        if job is not None and targets:
            raise DagwireInvalidDefinitionError(
                f"Invalid definition of sensor '{name or fn.__name__}':",
                ["give the jobs it targets as job= or as jobs=, not both"],
            )
        self._define(
            fn,
            name=name,
            job=job if job is not None or len(targets) != 1 else targets[0],
            job_name=job_name,
            description=description,
            required_resource_keys=required_resource_keys,
        )
        if len(targets) > 1:
            self.jobs = targets  # each RunRequest names its job (job_name=)
        self.minimum_interval_seconds = minimum_interval_seconds
        self.default_status = default_status

    def evaluate_tick(self, context: Any = None) -> TickResult:
        """One tick: RunRequests (job name filled in) or the skip message."""
        context = context if context is not None else build_sensor_context(sensor_name=self.name)
        result = evaluate_with_resources(self, context, self.bound_resources)
        tick = collect_tick(result, self.describe(), self.job_name)
        missing = [r for r in tick.run_requests if r.job_name is None and len(self.jobs) > 1]
        if missing:
            raise DagwireInvalidDefinitionError(
                f"{self.describe()} targets several jobs "
                f"({', '.join(j.name for j in self.jobs)}): each RunRequest must name one "
                "(RunRequest(job_name=...))"
            )
        if tick.cursor is not None:  # a SensorResult's cursor
            context.update_cursor(tick.cursor)
        tick.cursor = getattr(context, "cursor", None)
        return tick

    def __call__(self, *args: DefP.args, **kwargs: DefP.kwargs) -> DefR:
        result: DefR = invoke(self, "sensor", args, kwargs)
        return result

    def __repr__(self) -> str:
        return f"SensorDefinition(name={self.name!r})"


class SensorDecorator(Protocol):
    """What ``sensor(...)`` with arguments returns."""

    def __call__(self, fn: Callable[P, R], /) -> SensorDefinition[P, R]: ...


@overload
def sensor(fn: Callable[P, R], /) -> SensorDefinition[P, R]: ...


@overload
def sensor(
    *,
    job: JobDefinition | UnresolvedAssetJobDefinition | None = None,
    job_name: str | None = None,
    name: str | None = None,
    minimum_interval_seconds: int | None = None,
    description: str | None = None,
    required_resource_keys: Iterable[str] | None = None,
    default_status: DefaultSensorStatus = DefaultSensorStatus.STOPPED,
    tags: Mapping[str, str] | None = None,
    metadata: Mapping[str, Any] | None = None,
    owners: Sequence[str] | None = None,
    jobs: Sequence[Any] | None = None,
    asset_selection: Any = None,
    target: Any = None,
) -> SensorDecorator: ...


def sensor(
    fn: Callable[..., Any] | None = None,
    /,
    *,
    job: JobDefinition | UnresolvedAssetJobDefinition | None = None,
    job_name: str | None = None,
    name: str | None = None,
    minimum_interval_seconds: int | None = None,
    description: str | None = None,
    required_resource_keys: Iterable[str] | None = None,
    default_status: DefaultSensorStatus = DefaultSensorStatus.STOPPED,
    tags: Mapping[str, str] | None = None,
    metadata: Mapping[str, Any] | None = None,
    owners: Sequence[str] | None = None,
    jobs: Sequence[Any] | None = None,
    asset_selection: Any = None,
    target: Any = None,
) -> SensorDefinition[..., Any] | SensorDecorator:
    """Define a sensor for ``job`` (or ``job_name``)."""

    def decorate(function: Callable[P, R]) -> SensorDefinition[P, R]:
        refuse(f"sensor '{name or function.__name__}'", asset_selection=asset_selection,
               target=target)
        return SensorDefinition(
            function,
            name=name,
            job=job,
            job_name=job_name,
            minimum_interval_seconds=minimum_interval_seconds,
            description=description,
            required_resource_keys=required_resource_keys,
            default_status=default_status,
            jobs=jobs,
        )

    if fn is not None:
        return decorate(fn)
    return decorate


__all__ = ["DefaultSensorStatus", "RunRequest", "SensorResult", "SensorDecorator", "SensorDefinition", "SkipReason", "TickResult", "sensor"]
