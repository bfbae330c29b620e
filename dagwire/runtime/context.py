"""Contexts passed to user code: ops and assets, sensors and schedules, resources being set
up, IO managers storing and loading; and the ``build_*_context`` helpers used to call them
directly (tests)."""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterator, Mapping
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, TypeVar

from dagwire.runtime.asset_key import AssetKey
from dagwire.runtime.errors import DagwireError, DagwireResourceNotFoundError
from dagwire.runtime.legacy.resource_access import InitResources
from dagwire.runtime.metadata import AssetMaterialization
from dagwire.runtime.partitions import (
    InputPartition,
    OutputPartition,
    PartitionKeyRange,
    PartitionsDefinition,
    StepPartitions,
    TimeWindow,
)

_LOG = logging.getLogger("dagwire")
_Context = TypeVar("_Context", bound="_WithBlock")


class _WithBlock:
    """`with build_op_context(...) as context:` (and the sensor, schedule and resource-init
    builders) as in Dagster: the context itself, with nothing to tear down here."""

    def __enter__(self: _Context) -> _Context:
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None


class Resources:
    """``context.resources``: the run's resources by key (attribute or ``getattr`` access)."""

    def __init__(self, resources: Mapping[str, Any], owner: str = "this context") -> None:
        object.__setattr__(self, "_resources", dict(resources))
        object.__setattr__(self, "_owner", owner)

    @property
    def original_resource_dict(self) -> dict[str, Any]:
        resources: dict[str, Any] = object.__getattribute__(self, "_resources")
        return dict(resources)

    def __getattr__(self, key: str) -> Any:
        resources: dict[str, Any] = object.__getattribute__(self, "_resources")
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return resources[key]
        except KeyError:
            owner = object.__getattribute__(self, "_owner")
            raise DagwireResourceNotFoundError(
                f"resource '{key}' is not available to {owner}; available: "
                f"{', '.join(sorted(resources)) or '(none)'}"
            ) from None

    def __setattr__(self, key: str, value: Any) -> None:
        raise AttributeError("context.resources is read-only")

    def __contains__(self, key: object) -> bool:
        return key in object.__getattribute__(self, "_resources")

    def __iter__(self) -> Iterator[str]:
        return iter(object.__getattribute__(self, "_resources"))

    def __repr__(self) -> str:
        return f"Resources({sorted(object.__getattribute__(self, '_resources'))})"


class OpExecutionContext(_WithBlock):
    """The context of an op (or asset) step."""

    def __init__(
        self,
        *,
        op_name: str | None = None,
        op_config: Any = None,
        resources: Mapping[str, Any] | None = None,
        run_id: str = "",
        log: logging.Logger | None = None,
        asset_key: AssetKey | None = None,
        job_name: str | None = None,
        run_tags: Mapping[str, str] | None = None,
        run_config: Mapping[str, Any] | None = None,
        output_asset_keys: Mapping[str, AssetKey] | None = None,
        input_asset_keys: Mapping[str, AssetKey] | None = None,
        partitions: StepPartitions | None = None,
    ) -> None:
        self.op_name = op_name
        self.partitions = partitions or StepPartitions()
        self.op_config = op_config
        self.run_id = run_id
        self.log = log or _LOG
        self._asset_key = asset_key
        self._resource_values: dict[str, Any] = dict(resources or {})
        self.resources = Resources(self._resource_values, f"op '{op_name}'" if op_name else "this context")
        self.output_metadata: dict[str, Any] = {}
        self.job_name = job_name
        self.run_tags: dict[str, str] = dict(run_tags or {})
        self.run_config: dict[str, Any] = dict(run_config or {})
        self.retry_number = 0  # dagwire does not retry
        self._output_asset_keys: dict[str, AssetKey] = dict(output_asset_keys or {})
        self._input_asset_keys: dict[str, AssetKey] = dict(input_asset_keys or {})
        # metadata given for each asset of a multi_asset (add_asset_metadata), and the
        # AssetMaterializations logged with log_event
        self.asset_metadata: dict[AssetKey, dict[str, Any]] = {}
        self.logged_events: list[Any] = []

    # -- what Dagster's contexts offer that applies to an in-process run -----------------

    @property
    def op_execution_context(self) -> OpExecutionContext:
        return self

    # -- the partition of the run (one per run in dagwire) ------------------------------

    @property
    def has_partition_key(self) -> bool:
        return self.partitions.key is not None

    @property
    def has_partition_key_range(self) -> bool:
        return False  # a run materializes one partition

    @property
    def has_partitions(self) -> bool:
        return self.partitions.key is not None

    @property
    def partition_key(self) -> str:
        return self.partitions.run_key()

    @property
    def partition_keys(self) -> list[str]:
        return [self.partitions.run_key()]

    @property
    def partition_key_range(self) -> PartitionKeyRange:
        key = self.partitions.run_key()
        return PartitionKeyRange(key, key)

    @property
    def partition_time_window(self) -> TimeWindow:
        return self.partitions.time_window()

    def asset_partition_key_for_output(self, output_name: str = "result") -> str:
        return self.partitions.output_key(output_name)

    def asset_partition_keys_for_output(self, output_name: str = "result") -> list[str]:
        return [self.partitions.output_key(output_name)]

    def asset_partition_key_range_for_output(self, output_name: str = "result"
                                             ) -> PartitionKeyRange:
        key = self.partitions.output_key(output_name)
        return PartitionKeyRange(key, key)

    def asset_partitions_time_window_for_output(self, output_name: str = "result"
                                                ) -> TimeWindow:
        return self.partitions.output_window(output_name)

    def asset_partitions_def_for_output(self, output_name: str = "result"
                                        ) -> PartitionsDefinition:
        return self.partitions.output_def(output_name)

    def asset_partition_keys_for_input(self, input_name: str) -> list[str]:
        return self.partitions.input_keys(input_name)

    def asset_partition_key_for_input(self, input_name: str) -> str:
        return self.partitions.for_input(input_name).asset_partition_key

    def asset_partitions_def_for_input(self, input_name: str) -> PartitionsDefinition:
        return self.partitions.input_def(input_name)

    def asset_partitions_time_window_for_input(self, input_name: str) -> TimeWindow:
        return self.partitions.for_input(input_name).asset_partitions_time_window

    @property
    def selected_asset_keys(self) -> set[AssetKey]:
        return set(self._output_asset_keys.values())

    @property
    def selected_output_names(self) -> set[str]:
        return set(self._output_asset_keys)

    def asset_key_for_output(self, output_name: str = "result") -> AssetKey:
        try:
            return self._output_asset_keys[output_name]
        except KeyError:
            raise DagwireError(f"op '{self.op_name}' has no asset output '{output_name}'") from None

    def asset_key_for_input(self, input_name: str) -> AssetKey:
        try:
            return self._input_asset_keys[input_name]
        except KeyError:
            raise DagwireError(f"op '{self.op_name}' has no asset input '{input_name}'") from None

    def has_tag(self, key: str) -> bool:
        return key in self.run_tags

    def get_tag(self, key: str) -> str | None:
        return self.run_tags.get(key)

    def add_asset_metadata(self, metadata: Mapping[str, Any], asset_key: Any = None) -> None:
        if asset_key is None:
            self.output_metadata.update(metadata)
            return
        key = AssetKey.from_coercible(asset_key)
        self.asset_metadata.setdefault(key, {}).update(metadata)

    def log_event(self, event: Any) -> None:
        """Record an AssetMaterialization (reported by the run's materialization events)."""
        if not isinstance(event, AssetMaterialization):
            raise DagwireError(f"log_event takes an AssetMaterialization, got {type(event).__name__}")
        self.logged_events.append(event)

    if not TYPE_CHECKING:  # type checkers keep reporting unknown attributes

        def __getattr__(self, name: str) -> Any:
            feature = _UNSUPPORTED_CONTEXT.get(name)
            if feature is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            raise DagwireError(f"context.{name}: {feature} not supported by dagwire")

    @property
    def has_asset_key(self) -> bool:
        return self._asset_key is not None

    @property
    def asset_key(self) -> AssetKey:
        if self._asset_key is None:
            raise AttributeError(f"op '{self.op_name}' is not an asset: it has no asset_key")
        return self._asset_key

    def add_output_metadata(self, metadata: Mapping[str, Any]) -> None:
        self.output_metadata.update(metadata)

    def with_resources(self, resources: Mapping[str, Any]) -> OpExecutionContext:
        """A copy of this context whose resources are ``resources`` (initialised ones)."""
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone._resource_values = dict(resources)
        clone.resources = Resources(clone._resource_values, self.resources._owner)
        return clone

    def __repr__(self) -> str:
        return f"{type(self).__name__}(op_name={self.op_name!r}, run_id={self.run_id!r})"


# attributes of Dagster's op/asset contexts that dagwire does not implement -> the feature
_UNSUPPORTED_CONTEXT: dict[str, str] = {
    **{name: "runs of several partitions are" for name in (
        "multi_partition_key", "asset_partition_key_range",
        "asset_partition_key_range_for_input")},
    "instance": "a Dagster instance (run storage, event log) is",
    "dagster_run": "Dagster run records are",
    "run": "Dagster run records are",
    "pdb": "the step debugger is",
    "step_launcher": "step launchers are",
    "set_data_version": "data versions are",
    "get_asset_provenance": "data versions are",
    "load_asset_value": "loading other assets from the context is",
    "get_mapping_key": "dynamic outputs are",
}


class AssetExecutionContext(OpExecutionContext):
    """The context of an asset step."""


class AssetCheckExecutionContext(OpExecutionContext):
    """The context of an asset check step: ``check_specs`` are the checks it evaluates."""

    check_specs: list[Any] = []

    @property
    def selected_asset_check_keys(self) -> set[Any]:
        return {spec.key for spec in self.check_specs}


class SensorEvaluationContext(_WithBlock):
    """The context of one sensor evaluation (tick)."""

    def __init__(
        self,
        *,
        resources: Mapping[str, Any] | None = None,
        cursor: str | None = None,
        sensor_name: str | None = None,
        last_run_key: str | None = None,
        log: logging.Logger | None = None,
    ) -> None:
        self.cursor = cursor
        self.sensor_name = sensor_name
        self.last_run_key = last_run_key
        self.log = log or _LOG
        self._resource_values: dict[str, Any] = dict(resources or {})
        self.resources = Resources(self._resource_values, f"sensor '{sensor_name}'")

    def update_cursor(self, cursor: str | None) -> None:
        self.cursor = cursor

    def __repr__(self) -> str:
        return f"SensorEvaluationContext(sensor_name={self.sensor_name!r}, cursor={self.cursor!r})"


class ScheduleEvaluationContext(_WithBlock):
    """The context of one schedule evaluation (tick)."""

    def __init__(
        self,
        *,
        resources: Mapping[str, Any] | None = None,
        scheduled_execution_time: datetime | None = None,
        schedule_name: str | None = None,
        log: logging.Logger | None = None,
    ) -> None:
        self.scheduled_execution_time = scheduled_execution_time or datetime.now(timezone.utc)
        self.schedule_name = schedule_name
        self.log = log or _LOG
        self._resource_values: dict[str, Any] = dict(resources or {})
        self.resources = Resources(self._resource_values, f"schedule '{schedule_name}'")

    def __repr__(self) -> str:
        return (
            f"ScheduleEvaluationContext(schedule_name={self.schedule_name!r}, "
            f"scheduled_execution_time={self.scheduled_execution_time.isoformat()!r})"
        )


class InitResourceContext(_WithBlock):
    """What a resource gets when it is set up for a run."""

    def __init__(
        self,
        *,
        resource_key: str | None = None,
        resource_config: Any = None,
        resources: Mapping[str, Any] | None = None,
        run_id: str | None = None,
        log: logging.Logger | None = None,
    ) -> None:
        self.resource_key = resource_key
        self.resource_config = resource_config
        # a dict that also answers ``context.resources.key`` (legacy resource functions)
        self.resources: Mapping[str, Any] = InitResources(resources or {})
        self.run_id = run_id
        self.log = log or logging.getLogger("dagwire")

    def __repr__(self) -> str:
        return f"InitResourceContext(resource_key={self.resource_key!r}, run_id={self.run_id!r})"


class _IOPartitions:
    """The partition attributes an IO manager's output and input contexts share, read from
    the step's partitions for that output or input."""

    _partition: OutputPartition | InputPartition

    @property
    def has_partition_key(self) -> bool:
        return self._partition.has_partition_key

    @property
    def partition_key(self) -> str:
        return self._partition.partition_key

    @property
    def has_asset_partitions(self) -> bool:
        return self._partition.has_asset_partitions

    @property
    def asset_partition_key(self) -> str:
        return self._partition.asset_partition_key

    @property
    def asset_partition_keys(self) -> list[str]:
        return self._partition.asset_partition_keys

    @property
    def asset_partitions_time_window(self) -> TimeWindow:
        return self._partition.asset_partitions_time_window

    @property
    def asset_partitions_def(self) -> PartitionsDefinition:
        return self._partition.asset_partitions_def


class OutputContext(_IOPartitions):
    """Where an output comes from: the step, the output name and, for assets, the key."""

    def __init__(
        self,
        *,
        step_key: str,
        name: str = "result",
        asset_key: AssetKey | None = None,
        run_id: str = "",
        metadata: Mapping[str, Any] | None = None,
        log: logging.Logger | None = None,
        partitions: StepPartitions | None = None,
    ) -> None:
        self.step_key = step_key
        self.name = name
        self.asset_key = asset_key
        self._partition = (partitions or StepPartitions()).for_output(name)
        self.run_id = run_id
        # what the definition declared (@asset(metadata=...), Out(metadata=...))
        self.definition_metadata: dict[str, Any] = dict(metadata or {})
        self.log = log or logging.getLogger("dagwire")
        # what the IO manager adds (add_output_metadata): reported with the materialization
        self.added_metadata: dict[str, Any] = {}

    @property
    def metadata(self) -> dict[str, Any]:
        """Dagster's older name for ``definition_metadata``."""
        return self.definition_metadata

    def add_output_metadata(self, metadata: Mapping[str, Any]) -> None:
        self.added_metadata.update(metadata)

    @property
    def has_asset_key(self) -> bool:
        return self.asset_key is not None

    def get_identifier(self) -> list[str]:
        """A storage path: the asset key (and partition), or run id / step / output for op
        outputs."""
        if self.asset_key is not None:
            return self.get_asset_identifier()
        return [self.run_id, self.step_key, self.name]

    def get_asset_identifier(self) -> list[str]:
        if self.asset_key is None:
            raise DagwireError(f"output '{self.name}' of step '{self.step_key}' is not an asset")
        if self.has_asset_partitions:
            return [*self.asset_key.path, self.asset_partition_key]
        return list(self.asset_key.path)

    def __repr__(self) -> str:
        return f"OutputContext(step_key={self.step_key!r}, name={self.name!r})"


class InputContext(_IOPartitions):
    """What an input loads: the upstream output (and its asset key, if any)."""

    def __init__(
        self,
        *,
        name: str,
        upstream_output: OutputContext,
        step_key: str = "",
        metadata: Mapping[str, Any] | None = None,
        log: logging.Logger | None = None,
        partitions: StepPartitions | None = None,
    ) -> None:
        self.name = name
        self.upstream_output = upstream_output
        self._partition = (partitions or StepPartitions()).for_input(name)
        self.step_key = step_key
        self.definition_metadata: dict[str, Any] = dict(metadata or {})  # In(metadata=...)
        self.log = log or logging.getLogger("dagwire")

    @property
    def metadata(self) -> dict[str, Any]:
        return self.definition_metadata

    @property
    def asset_key(self) -> AssetKey | None:
        return self.upstream_output.asset_key

    @property
    def has_asset_key(self) -> bool:
        return self.upstream_output.asset_key is not None

    def get_asset_identifier(self) -> list[str]:
        if self.asset_key is None:
            raise DagwireError(f"input '{self.name}' does not load an asset")
        if self.has_asset_partitions and len(self.asset_partition_keys) == 1:
            return [*self.asset_key.path, self.asset_partition_key]
        return list(self.asset_key.path)

    def __repr__(self) -> str:
        return f"InputContext(name={self.name!r}, upstream={self.upstream_output!r})"


def with_resource_values(context: Any, values: Mapping[str, Any], owner: str) -> Any:
    """A copy of a sensor or schedule context whose ``context.resources`` are ``values``."""
    clone = copy.copy(context)
    clone._resource_values = dict(values)
    clone.resources = Resources(clone._resource_values, owner)
    return clone


def build_init_resource_context(
    config: Any = None, resources: Mapping[str, Any] | None = None
) -> InitResourceContext:
    """A context for calling a resource function directly (Dagster's name)."""
    return InitResourceContext(resource_config=config, resources=resources)


def build_op_context(
    config: Any = None,
    resources: Mapping[str, Any] | None = None,
    *,
    op_config: Any = None,
    run_id: str = "direct",
    partition_key: str | None = None,
) -> OpExecutionContext:
    """A context for calling an op directly: ``greet(build_op_context(config={...}))``."""
    return OpExecutionContext(
        op_config=config if config is not None else op_config,
        resources=resources,
        run_id=run_id,
        partitions=StepPartitions(partition_key),
    )


def build_asset_context(
    resources: Mapping[str, Any] | None = None,
    asset_config: Any = None,
    *,
    run_id: str = "direct",
    partition_key: str | None = None,
) -> AssetExecutionContext:
    """A context for calling an asset directly."""
    return AssetExecutionContext(op_config=asset_config, resources=resources, run_id=run_id,
                                 partitions=StepPartitions(partition_key))


def build_sensor_context(
    resources: Mapping[str, Any] | None = None,
    cursor: str | None = None,
    sensor_name: str | None = None,
    last_run_key: str | None = None,
) -> SensorEvaluationContext:
    """A context for evaluating a sensor in a test."""
    return SensorEvaluationContext(
        resources=resources, cursor=cursor, sensor_name=sensor_name, last_run_key=last_run_key
    )


def build_schedule_context(
    resources: Mapping[str, Any] | None = None,
    scheduled_execution_time: datetime | None = None,
    schedule_name: str | None = None,
) -> ScheduleEvaluationContext:
    """A context for evaluating a schedule in a test."""
    return ScheduleEvaluationContext(
        resources=resources,
        scheduled_execution_time=scheduled_execution_time,
        schedule_name=schedule_name,
    )


__all__ = [
    "AssetCheckExecutionContext",
    "AssetExecutionContext",
    "InitResourceContext",
    "InputContext",
    "OpExecutionContext",
    "OutputContext",
    "Resources",
    "ScheduleEvaluationContext",
    "SensorEvaluationContext",
    "build_asset_context",
    "build_init_resource_context",
    "build_op_context",
    "build_schedule_context",
    "build_sensor_context",
    "with_resource_values",
]
