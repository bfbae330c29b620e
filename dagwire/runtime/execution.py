"""In-process execution: ``materialize(...)`` and ``JobDefinition.execute_in_process()``.

A run validates all step config first (one error listing every bad field), checks that every
resource it needs is bound, sets the resources up before the first step and tears them down
after the last one, also when a step fails.
"""

from __future__ import annotations

import copy
import logging
import time
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from dagwire.runtime.asset import AssetKey, AssetsDefinition
from dagwire.runtime.asset_check import (
    AssetCheckEvaluation,
    AssetCheckSeverity,
    AssetChecksDefinition,
)
from dagwire.runtime.asset_spec import AssetSpec
from dagwire.runtime.config import RunConfig, config_dict
from dagwire.runtime.config_mapping import ConfigMapping
from dagwire.runtime.config_validation import validate_config, validate_primitive
from dagwire.runtime.context import (
    AssetCheckExecutionContext,
    AssetExecutionContext,
    OpExecutionContext,
)
from dagwire.runtime.errors import (
    DagwireAssetCheckFailedError,
    DagwireError,
    DagwireInvalidConfigError,
    DagwireInvalidDefinitionError,
    DagwireMissingEnvVarError,
)
from dagwire.runtime.io_managers import InMemoryIOManager, InputContext, OutputContext
from dagwire.runtime.composition import Node, NodeOutput
from dagwire.runtime.metadata import (
    AssetMaterialization,
    AssetMaterializationEvent,
    materializations,
)
from dagwire.runtime.results import MaterializeResult, Output, step_outputs
from dagwire.runtime.legacy.config_types import LegacyConfigError
from dagwire.runtime.legacy.op_config import op_config_value, problem_lines
from dagwire.runtime.legacy.resource_access import asset_resource_problems
from dagwire.runtime.partitions import PartitionsDefinition, StepPartitions
from dagwire.runtime.plan import Step, asset_steps, op_job_steps
from dagwire.runtime.resource_init import InitializedResources
from dagwire.runtime.resources import context_value
from dagwire.runtime.validation import ResourceUser, binding_problems, nested_partial_problems
from dagwire.vocabulary.calls import DEFAULT_IO_MANAGER_KEY

_LOG = logging.getLogger("dagwire")


class StepResult:
    """The outcome of one step: ``status`` is "success", "failure" or "skipped"."""

    def __init__(self, key: str, kind: str) -> None:
        self.key = key
        self.kind = kind
        self.status = "skipped"
        self.outputs: dict[str, Any] = {}
        self.asset_keys: list[AssetKey] = []
        self.asset_values: dict[AssetKey, Any] = {}
        # output name -> metadata of an Output / MaterializeResult
        self.metadata: dict[str, dict[str, Any]] = {}
        # what the step reported materialized, in order (its assets, and what an op yielded)
        self.materializations: list[AssetMaterialization] = []
        # what an asset check step recorded
        self.check_evaluations: list[AssetCheckEvaluation] = []
        self.error: BaseException | None = None
        # not run because an upstream step failed (Dagster: abandoned, not skipped)
        self.abandoned = False
        self.duration = 0.0

    @property
    def success(self) -> bool:
        return self.status == "success"

    def __repr__(self) -> str:
        return f"StepResult({self.key!r}, {self.status!r})"


class StepFailureEvent:
    """A ``STEP_FAILURE`` event: the step and the exception it raised."""

    event_type_value = "STEP_FAILURE"

    def __init__(self, step_key: str, error: BaseException) -> None:
        self.step_key = step_key
        self.error = error
        self.message = f'Execution of step "{step_key}" failed.'

    def __repr__(self) -> str:
        return f"StepFailureEvent(step_key={self.step_key!r}, error={type(self.error).__name__})"


class EngineEvent:
    """An ``ENGINE_EVENT`` of a run: something about the run itself, such as a resource whose
    teardown failed (logged, not failing the run, as in Dagster)."""

    event_type_value = "ENGINE_EVENT"
    step_key = None

    def __init__(self, message: str, error: BaseException | None = None) -> None:
        self.message = message
        self.error = error

    def __repr__(self) -> str:
        return f"EngineEvent({self.message!r})"


class ExecuteInProcessResult:
    """What a run did: success, per-step results and outputs, materialized assets."""

    def __init__(
        self,
        job_name: str,
        run_id: str,
        steps: Sequence[StepResult],
        graph_outputs: Mapping[str, Mapping[str, NodeOutput]] | None = None,
        engine_events: Sequence[EngineEvent] = (),
    ) -> None:
        self.job_name = job_name
        self.run_id = run_id
        self.step_results: dict[str, StepResult] = {step.key: step for step in steps}
        self._graph_outputs = dict(graph_outputs or {})
        self.engine_events = list(engine_events)

    @property
    def all_events(self) -> list[Any]:
        """The run's events: step failures, asset materializations, then engine events."""
        return [*self.get_step_failure_events(), *self.get_asset_materialization_events(),
                *self.engine_events]

    @property
    def success(self) -> bool:
        # skipped steps (an optional output not produced) do not fail a run
        return all(step.status != "failure" for step in self.step_results.values())

    @property
    def failed_steps(self) -> list[str]:
        return [key for key, step in self.step_results.items() if step.status == "failure"]

    @property
    def skipped_steps(self) -> list[str]:
        return [key for key, step in self.step_results.items() if step.status == "skipped"]

    def _step(self, node_name: str) -> StepResult:
        step = self.step_results.get(node_name)
        if step is None:
            raise DagwireError(f"run of job '{self.job_name}' has no node '{node_name}'")
        return step

    def is_node_success(self, node_name: str) -> bool:
        return self._step(node_name).status == "success"

    def is_node_failed(self, node_name: str) -> bool:
        return self._step(node_name).status == "failure"

    def is_node_skipped(self, node_name: str) -> bool:
        step = self._step(node_name)
        return step.status == "skipped" and not step.abandoned

    def get_failed_step_keys(self) -> set[str]:
        return set(self.failed_steps)

    def get_step_failure_events(self) -> list[StepFailureEvent]:
        return [
            StepFailureEvent(key, step.error)
            for key, step in self.step_results.items()
            if step.status == "failure" and step.error is not None
        ]

    @property
    def materialized_asset_keys(self) -> list[AssetKey]:
        return [
            key
            for step in self.step_results.values()
            if step.status == "success"
            for key in step.asset_keys
        ]

    def output_for_node(self, node_name: str, output_name: str = "result") -> Any:
        graph_outputs = self._graph_outputs.get(node_name)
        if graph_outputs is not None:
            # a graph node: its output is an output of one of its ops
            source = graph_outputs.get(output_name)
            if source is None:
                raise DagwireError(
                    f"graph node '{node_name}' of job '{self.job_name}' has no output "
                    f"'{output_name}'; outputs: {', '.join(graph_outputs) or '(none)'}"
                )
            return self.output_for_node(source.node, source.output)
        step = self.step_results.get(node_name)
        if step is None:
            raise DagwireError(f"run of job '{self.job_name}' has no node '{node_name}'")
        if output_name not in step.outputs:
            raise DagwireError(
                f"node '{node_name}' of job '{self.job_name}' has no output '{output_name}' "
                f"(status: {step.status})"
            )
        return step.outputs[output_name]

    def get_asset_check_evaluations(self) -> list[AssetCheckEvaluation]:
        """The results of the run's asset checks, in the order they ran."""
        return [evaluation for step in self.step_results.values()
                for evaluation in step.check_evaluations]

    def get_asset_materialization_events(self) -> list[AssetMaterializationEvent]:
        return [
            event
            for step in self.step_results.values()
            for event in materializations(step.key, step.materializations)
        ]

    def asset_materializations_for_node(self, node_name: str) -> list[AssetMaterialization]:
        step = self.step_results.get(node_name)
        if step is None:
            raise DagwireError(f"run of job '{self.job_name}' has no node '{node_name}'")
        return list(step.materializations)

    def asset_value(self, asset_key: str | Sequence[str] | AssetKey) -> Any:
        key = AssetKey.from_coercible(asset_key)
        for step in self.step_results.values():
            if key in step.asset_values:
                return step.asset_values[key]
        raise DagwireError(f"run of job '{self.job_name}' did not materialize asset "
                           f"'{key.to_user_string()}'")

    def __repr__(self) -> str:
        return (
            f"ExecuteInProcessResult(job_name={self.job_name!r}, success={self.success}, "
            f"steps={len(self.step_results)})"
        )


def normalize_run_config(run_config: RunConfig | Mapping[str, Any] | None) -> dict[str, Any]:
    if run_config is None:
        return {}
    if isinstance(run_config, RunConfig):
        return run_config.to_config_dict()
    return dict(run_config)


def _unknown_op_names(ops_config: Mapping[str, Any], handles: set[str], prefix: str = "") -> list[str]:
    """Names under ``ops:`` (and under a graph's own ``ops:``) that are not nodes of the run."""
    problems: list[str] = []
    for name, entry in ops_config.items():
        handle = prefix + name
        if handle not in handles:
            where = f"graph '{prefix[:-1]}'" if prefix else "this run"
            problems.append(f"ops: no op or asset named '{name}' in {where}")
        elif isinstance(entry, Mapping) and isinstance(entry.get("ops"), Mapping):
            problems.extend(_unknown_op_names(entry["ops"], handles, handle + "."))
    return problems


def _mapped_graph_configs(run_config: dict[str, Any],
                          mappings: Mapping[str, ConfigMapping]) -> dict[str, Any]:
    """Run config with the entries of graphs that have a config mapping (``{"config": ...}``,
    the outer config) replaced by what the mapping makes of them (``{"ops": ...}``), outer
    graphs first."""
    if not mappings:
        return run_config
    run_config = copy.deepcopy(run_config)
    for handle in sorted(mappings, key=lambda h: h.count(".")):
        *parents, name = handle.split(".")
        holder: Any = run_config.get("ops")
        for parent in parents:
            entry = holder.get(parent) if isinstance(holder, dict) else None
            holder = entry.get("ops") if isinstance(entry, dict) else None
        entry = holder.get(name) if isinstance(holder, dict) else None
        if isinstance(holder, dict) and isinstance(entry, dict) and set(entry) <= {"config"}:
            inner = mappings[handle].resolve(entry.get("config"), f"graph '{handle}'")
            holder[name] = {"ops": inner.to_config_dict()["ops"] if isinstance(inner, RunConfig)
                            else inner}
    return run_config


def _op_entry(ops_config: Mapping[str, Any], step_key: str) -> Any:
    """The run config entry of a step; ops inside graphs nest (``{"g": {"ops": {...}}}``)."""
    head, *rest = step_key.split(".")
    entry = ops_config.get(head)
    for name in rest:
        inner = entry.get("ops") if isinstance(entry, Mapping) else None
        entry = inner.get(name) if isinstance(inner, Mapping) else None
    return entry


def _step_configs(steps: Sequence[Step], run_config: Mapping[str, Any], job_name: str) -> dict[str, Any]:
    ops_config: Mapping[str, Any] = run_config.get("ops") or {}
    handles = {".".join(step.key.split(".")[: i + 1]) for step in steps
               for i in range(step.key.count(".") + 1)}
    problems = _unknown_op_names(ops_config, handles)
    missing_env: list[str] = []
    configs: dict[str, Any] = {}
    for step in steps:
        source = step.definition.config_source
        entry = _op_entry(ops_config, step.key)
        owner = step.definition.describe() if step.kind != "op" else f"op '{step.key}'"
        fixed = getattr(step.definition, "fixed_config", None)
        if fixed is not None:  # op.configured(...): its config is given, not run config
            if entry is not None:
                problems.append(f"{owner}: takes no config (its config is set by .configured())")
                continue
            entry = {"config": fixed.value}
        data = entry.get("config") if isinstance(entry, dict) and set(entry) <= {"config"} else entry
        mapping = getattr(step.definition, "config_mapping", None)
        if mapping is not None:  # op.configured(function): run config gives the outer config
            inner = step.definition.parameters.config
            try:
                configs[step.key] = validate_config(inner.config_class,
                                                    mapping.resolve(data, owner), owner)
            except DagwireMissingEnvVarError as error:
                missing_env.extend(error.problems)
            except DagwireInvalidConfigError as error:
                problems.extend(f"{owner}: {line}" for line in error.problems)
            continue
        if source is None:
            if entry is not None:
                problems.append(f"{owner}: takes no config")
            continue
        if source.kind == "primitive":
            try:
                configs[step.key] = validate_primitive(source.config_class, data,
                                                       source.default, owner)
            except DagwireInvalidConfigError as error:
                problems.extend(f"{owner}: {line}" for line in error.problems)
        elif source.kind == "class":
            try:
                configs[step.key] = validate_config(source.config_class, data, owner)
            except DagwireMissingEnvVarError as error:
                missing_env.extend(error.problems)
            except DagwireInvalidConfigError as error:
                problems.extend(f"{owner}: {line}" for line in error.problems)
        else:  # legacy config_schema=
            try:
                configs[step.key] = op_config_value(source.schema, entry, step.key)
            except LegacyConfigError as error:
                problems.extend(f"{owner}: {line}" for line in problem_lines(error, ()))
    if problems:
        raise DagwireInvalidConfigError(f"Invalid run config for job '{job_name}':", problems)
    if missing_env:
        raise DagwireMissingEnvVarError("Missing environment variables:", missing_env)
    return configs


def _users(steps: Sequence[Step], job_name: str) -> list[ResourceUser]:
    users: list[ResourceUser] = []
    for step in steps:
        definition = step.definition
        description = (
            definition.describe() if step.kind != "op" else f"op '{step.key}' in job '{job_name}'"
        )
        io_keys = {key for _, _, key in step.outputs} | {s.io_manager_key for s in step.inputs.values()}
        users.append(
            ResourceUser(
                description,
                definition.resource_requirements,
                definition.resource_defs,
                sorted(io_keys),
            )
        )
    return users


def execute_steps(
    steps: Sequence[Step],
    *,
    job_name: str,
    resources: Mapping[str, Any],
    run_config: RunConfig | Mapping[str, Any] | None,
    raise_on_error: bool,
    run_id: str | None,
    graph_outputs: Mapping[str, Mapping[str, NodeOutput]] | None = None,
    tags: Mapping[str, str] | None = None,
    graph_configs: Mapping[str, ConfigMapping] | None = None,
    partition_key: str | None = None,
    partitions_def: PartitionsDefinition | None = None,
) -> ExecuteInProcessResult:
    config = _mapped_graph_configs(normalize_run_config(run_config), graph_configs or {})
    users = _users(steps, job_name)
    problems = binding_problems(users, resources) + nested_partial_problems(resources)
    asset_defs = [step.definition for step in steps if step.kind == "asset"]
    problems += asset_resource_problems(asset_defs, resources)
    run_def, partition_problems = _run_partitions(steps, partitions_def, partition_key)
    problems += partition_problems
    if problems:
        raise DagwireInvalidDefinitionError(f"Cannot run job '{job_name}':", problems)
    if partition_key is not None and run_def is not None:
        run_def.validate_partition_key(partition_key)
        tags = {**(tags or {}), PARTITION_TAG: partition_key}
    step_configs = _step_configs(steps, config, job_name)
    bound: dict[str, Any] = dict(resources)
    for step in steps:
        bound.update(step.definition.resource_defs)
    bound.setdefault(DEFAULT_IO_MANAGER_KEY, InMemoryIOManager())
    needed: list[str] = []
    for user in users:
        for key in [*(r.key for r in user.requirements), *user.io_manager_keys]:
            if key not in needed:
                needed.append(key)
    run_id = run_id or uuid.uuid4().hex
    results = [StepResult(step.key, step.kind) for step in steps]
    by_key = {result.key: result for result in results}

    run = _RunInfo(job_name, run_id, config, dict(tags or {}), partition_key, run_def)
    setup = InitializedResources(bound, needed, run_config=config, run_id=run_id, log=_LOG)
    with setup as values:
        for step, result in zip(steps, results):
            if any(by_key[upstream].status != "success" for upstream in step.after):
                # an upstream step failed (Dagster: abandoned) or was skipped
                result.abandoned = any(
                    by_key[upstream].status == "failure" or by_key[upstream].abandoned
                    for upstream in step.after
                )
                continue
            if any(source.step is not None and source.output not in by_key[source.step].outputs
                   for source in step.inputs.values()):
                continue  # an optional upstream output was not produced (Dagster skips)
            started = time.perf_counter()
            try:
                _run_step(step, result, values, step_configs.get(step.key), run)
                result.status = "success"
            except Exception as error:
                result.status = "failure"
                result.error = error
                _LOG.error("step '%s' of job '%s' failed: %s", step.key, job_name, type(error).__name__)
                if raise_on_error:
                    raise
            finally:
                result.duration = time.perf_counter() - started
    engine = [
        EngineEvent(f"Teardown of resources [{key}] failed: {type(error).__name__}: {error}",
                    error)
        for key, error in setup.teardown_failures
    ]
    return ExecuteInProcessResult(job_name, run_id, results, graph_outputs, engine)


class _RunInfo:
    """What a step context tells about its run."""

    def __init__(self, job_name: str, run_id: str, run_config: dict[str, Any],
                 tags: dict[str, str], partition_key: str | None,
                 partitions_def: PartitionsDefinition | None) -> None:
        self.job_name = job_name
        self.run_id = run_id
        self.run_config = run_config
        self.tags = tags
        self.partition_key = partition_key
        self.partitions_def = partitions_def

    def step_partitions(self, step: Step) -> StepPartitions:
        own = getattr(step.definition, "partitions_def", None)
        return StepPartitions(
            self.partition_key, self.partitions_def,
            outputs={name: own for name, key, _ in step.outputs
                     if key is not None and own is not None},
            inputs={param: source.partitions_def for param, source in step.inputs.items()
                    if source.partitions_def is not None},
            own_def=own)


PARTITION_TAG = "dagster/partition"


def _run_partitions(steps: Sequence[Step], job_def: PartitionsDefinition | None,
                    partition_key: str | None) -> tuple[PartitionsDefinition | None, list[str]]:
    """The run's partitions definition (one for all its partitioned assets), and what is
    wrong with the partitions of this run."""
    found: list[PartitionsDefinition] = [job_def] if job_def is not None else []
    problems: list[str] = []
    for step in steps:
        own = getattr(step.definition, "partitions_def", None)
        if own is not None and own not in found:
            found.append(own)
        for param, source in step.inputs.items():
            if own is not None and source.partitions_def is not None and \
                    source.partitions_def != own and source.asset_key is not None:
                problems.append(
                    f"{step.definition.describe()} input '{param}' loads asset "
                    f"'{source.asset_key.to_user_string()}', which has other partitions: "
                    "partition mappings are not supported by dagwire")
    if len(found) > 1:
        problems.append("its assets have different partitions definitions "
                        f"({', '.join(repr(d) for d in found)}): run them in separate jobs")
    run_def = found[0] if found else None
    if partition_key is not None and run_def is None:
        problems.append(f"partition_key={partition_key!r} is given, but nothing in this run is "
                        "partitioned")
    return run_def, problems


def _run_step(step: Step, result: StepResult, resources: Mapping[str, Any], config: Any,
              run: _RunInfo) -> None:
    run_id = run.run_id
    definition = step.definition
    params = definition.parameters
    kwargs: dict[str, Any] = dict(getattr(definition, "input_defaults", {}))
    partitions = run.step_partitions(step)
    for param, source in step.inputs.items():
        upstream_partitions = StepPartitions(
            run.partition_key, run.partitions_def,
            outputs={source.output: source.partitions_def} if source.partitions_def else {},
            own_def=source.partitions_def)
        upstream = OutputContext(
            step_key=source.step or (source.asset_key.to_python_identifier() if source.asset_key else ""),
            name=source.output,
            asset_key=source.asset_key,
            run_id=run_id,
            # the upstream's partition, when this step loads just the run's one
            partitions=upstream_partitions if partitions.own_def is not None else None,
        )
        manager = resources[source.io_manager_key]
        spec = getattr(definition, "ins", {}).get(param)
        kwargs[param] = manager.load_input(InputContext(
            name=param, upstream_output=upstream, step_key=step.key,
            metadata=dict(spec.metadata) if spec is not None else {}, log=_LOG,
            partitions=partitions,
        ))
    if params.config is not None and params.config.param is not None:
        kwargs[params.config.param] = config
    for requirement in params.resources:
        kwargs[requirement.param] = resources[requirement.key]
    context: OpExecutionContext | None = None
    if params.context_param is not None:
        context_class = _CONTEXT_CLASSES[step.kind]
        # what the step needs, its IO managers included (Dagster's context.resources)
        keys = [*(r.key for r in params.requirements), *(io for _, _, io in step.outputs),
                *(source.io_manager_key for source in step.inputs.values())]
        step_resources = {key: context_value(resources[key]) for key in keys}
        asset_key = step.outputs[0][1] if step.kind == "asset" and len(step.outputs) == 1 else None
        context = context_class(
            op_name=step.key,
            op_config=config_dict(config),
            resources=step_resources,
            run_id=run_id,
            log=_LOG,
            asset_key=asset_key,
            job_name=run.job_name,
            run_tags=run.tags,
            run_config=run.run_config,
            output_asset_keys={name: key for name, key, _ in step.outputs if key is not None},
            input_asset_keys={param: source.asset_key for param, source in step.inputs.items()
                              if source.asset_key is not None},
            partitions=partitions,
        )
        if isinstance(context, AssetCheckExecutionContext):
            context.check_specs = definition.check_specs
        kwargs[params.context_param] = context
    if step.kind == "asset_check":
        _record_check(definition, definition.fn(**kwargs), result)
        return
    produced = step_outputs(step, definition.fn(**kwargs), result.materializations)
    io_keys = {name: io_key for name, _, io_key in step.outputs}
    for name, asset_key, _ in step.outputs:
        if name not in produced:
            continue
        output = produced[name]
        metadata: dict[str, Any] = {}
        if context is not None:
            if len(step.outputs) == 1:
                metadata.update(context.output_metadata)
            if asset_key is not None:
                metadata.update(context.asset_metadata.get(asset_key, {}))
        stored_by_step = isinstance(output, MaterializeResult)
        if isinstance(output, (Output, MaterializeResult)):
            metadata.update(output.metadata)
        if not stored_by_step:  # else the asset stored its data itself: no IO manager
            if isinstance(output, Output):
                output = output.value
            output_context = OutputContext(
                step_key=step.key, name=name, asset_key=asset_key, run_id=run_id,
                metadata=_definition_metadata(definition, name, asset_key), log=_LOG,
                partitions=partitions,
            )
            resources[io_keys[name]].handle_output(output_context, output)
            metadata.update(output_context.added_metadata)
            result.outputs[name] = output
            if asset_key is not None:
                result.asset_values[asset_key] = output
        if metadata or isinstance(output, Output):
            result.metadata[name] = metadata
        if asset_key is not None:
            result.asset_keys.append(asset_key)
            result.materializations.append(AssetMaterialization(asset_key, metadata=metadata))
    if context is not None:
        result.materializations.extend(context.logged_events)


_CONTEXT_CLASSES: dict[str, type[OpExecutionContext]] = {
    "op": OpExecutionContext, "asset": AssetExecutionContext,
    "asset_check": AssetCheckExecutionContext,
}


def _record_check(definition: AssetChecksDefinition[Any, Any], value: Any,
                  result: StepResult) -> None:
    """Record a check's result; a blocking check that did not pass with ERROR severity
    fails its step (Dagster's rule)."""
    evaluation = definition.evaluation(value)
    result.check_evaluations.append(evaluation)
    if evaluation.blocking and not evaluation.passed and \
            evaluation.severity == AssetCheckSeverity.ERROR:
        raise DagwireAssetCheckFailedError(
            "1 blocking asset check failed with ERROR severity:\n"
            f"{evaluation.asset_key.to_user_string()}: {evaluation.check_name}")


def _definition_metadata(definition: Any, output_name: str, asset_key: AssetKey | None) -> dict[str, Any]:
    """The metadata declared for an output: the asset's (or AssetOut's), or the op's Out."""
    if asset_key is not None:
        return dict(definition.metadata_by_key.get(asset_key, {}))
    outs = getattr(definition, "outs", {})
    return dict(outs[output_name].metadata) if output_name in outs else {}


class RunnableJob(Protocol):
    """What a run needs from a job (``JobDefinition``, defined on top of this module)."""

    name: str
    nodes: dict[str, Node]
    graph_configs: dict[str, ConfigMapping]
    assets: tuple[AssetsDefinition[Any, Any] | AssetSpec, ...]
    asset_checks: tuple[AssetChecksDefinition[Any, Any], ...]
    asset_selection: tuple[AssetKey, ...] | None
    partitions_def: PartitionsDefinition | None
    graph_outputs: dict[str, dict[str, NodeOutput]]
    tags: dict[str, str]

    def all_resources(self, extra: Mapping[str, Any] | None = None) -> dict[str, Any]: ...


def execute_job(
    job: RunnableJob,
    *,
    run_config: RunConfig | Mapping[str, Any] | None,
    resources: Mapping[str, Any] | None,
    raise_on_error: bool,
    run_id: str | None,
    partition_key: str | None = None,
) -> ExecuteInProcessResult:
    if job.nodes or not job.assets:
        steps = op_job_steps(job.nodes)
    else:
        steps = asset_steps(job.assets, job.asset_selection, job.asset_checks)
    return execute_steps(
        steps,
        job_name=job.name,
        resources=job.all_resources(resources),
        run_config=run_config,
        raise_on_error=raise_on_error,
        run_id=run_id,
        graph_outputs=job.graph_outputs,
        tags=job.tags,
        graph_configs=job.graph_configs,
        partition_key=partition_key,
        partitions_def=job.partitions_def,
    )


def materialize(
    assets: Sequence[AssetsDefinition[Any, Any] | AssetSpec | AssetChecksDefinition[Any, Any]],
    resources: Mapping[str, Any] | None = None,
    run_config: RunConfig | Mapping[str, Any] | None = None,
    selection: Sequence[str | AssetKey | AssetsDefinition[Any, Any]] | None = None,
    raise_on_error: bool = True,
    run_id: str | None = None,
    tags: Mapping[str, str] | None = None,
    partition_key: str | None = None,
) -> ExecuteInProcessResult:
    """Materialize ``assets`` (or the ``selection`` of them) in this process, and run the
    given asset checks of the materialized assets; ``partition_key`` picks the partition."""
    selected = None if selection is None else [AssetKey.from_coercible(s) for s in selection]
    checks = [item for item in assets if isinstance(item, AssetChecksDefinition)]
    steps = asset_steps([item for item in assets if not isinstance(item, AssetChecksDefinition)],
                        selected, checks)
    return execute_steps(
        steps,
        job_name="__ephemeral_asset_job__",
        resources=dict(resources or {}),
        run_config=run_config,
        raise_on_error=raise_on_error,
        run_id=run_id,
        tags=tags,
        partition_key=partition_key,
    )


def materialize_to_memory(
    assets: Sequence[AssetsDefinition[Any, Any] | AssetSpec | AssetChecksDefinition[Any, Any]],
    resources: Mapping[str, Any] | None = None,
    run_config: RunConfig | Mapping[str, Any] | None = None,
    selection: Sequence[str | AssetKey | AssetsDefinition[Any, Any]] | None = None,
    raise_on_error: bool = True,
    run_id: str | None = None,
    tags: Mapping[str, str] | None = None,
    partition_key: str | None = None,
) -> ExecuteInProcessResult:
    """``materialize`` with every IO manager key bound to an in-memory IO manager (Dagster's
    test helper); binding an IO manager yourself is an error, as in Dagster."""
    io_keys = sorted({key for definition in assets
                      for key in getattr(definition, "io_manager_keys", {}).values()}
                     | {DEFAULT_IO_MANAGER_KEY})
    given = sorted(key for key in io_keys if key in (resources or {}))
    if given:
        raise DagwireInvalidDefinitionError(
            "Invalid materialize_to_memory:",
            [f"resource '{key}' is an IO manager key: materialize_to_memory stores every "
             "output in memory (use materialize to bind an IO manager)" for key in given],
        )
    memory = {key: InMemoryIOManager() for key in io_keys}
    return materialize(assets, resources={**(resources or {}), **memory}, run_config=run_config,
                       selection=selection, raise_on_error=raise_on_error, run_id=run_id,
                       tags=tags, partition_key=partition_key)


__all__ = ["ExecuteInProcessResult", "StepResult", "materialize", "materialize_to_memory"]
