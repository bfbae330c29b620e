"""In-process execution: ``materialize(...)`` and ``JobDefinition.execute_in_process()``.

A run validates all step config first (one error listing every bad field), checks that every
resource it needs is bound, sets the resources up before the first step and tears them down
after the last one, also when a step fails.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from dagwire.runtime.asset import AssetKey, AssetsDefinition
from dagwire.runtime.config import RunConfig
from dagwire.runtime.config_validation import validate_config
from dagwire.runtime.context import AssetExecutionContext, OpExecutionContext
from dagwire.runtime.errors import (
    DagwireError,
    DagwireInvalidConfigError,
    DagwireInvalidDefinitionError,
)
from dagwire.runtime.io_managers import InMemoryIOManager, InputContext, OutputContext
from dagwire.runtime.results import MaterializeResult, Output
from dagwire.runtime.legacy.config_types import LegacyConfigError
from dagwire.runtime.legacy.op_config import op_config_value, problem_lines
from dagwire.runtime.legacy.resource_access import asset_resource_problems
from dagwire.runtime.plan import Step, asset_steps, op_job_steps
from dagwire.runtime.resource_init import InitializedResources
from dagwire.runtime.validation import ResourceUser, binding_problems, nested_partial_problems

if TYPE_CHECKING:
    from dagwire.runtime.job import JobDefinition

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
        self.error: BaseException | None = None
        self.duration = 0.0

    @property
    def success(self) -> bool:
        return self.status == "success"

    def __repr__(self) -> str:
        return f"StepResult({self.key!r}, {self.status!r})"


class ExecuteInProcessResult:
    """What a run did: success, per-step results and outputs, materialized assets."""

    def __init__(self, job_name: str, run_id: str, steps: Sequence[StepResult]) -> None:
        self.job_name = job_name
        self.run_id = run_id
        self.step_results: dict[str, StepResult] = {step.key: step for step in steps}

    @property
    def success(self) -> bool:
        return all(step.status == "success" for step in self.step_results.values())

    @property
    def failed_steps(self) -> list[str]:
        return [key for key, step in self.step_results.items() if step.status == "failure"]

    @property
    def skipped_steps(self) -> list[str]:
        return [key for key, step in self.step_results.items() if step.status == "skipped"]

    @property
    def materialized_asset_keys(self) -> list[AssetKey]:
        return [
            key
            for step in self.step_results.values()
            if step.status == "success"
            for key in step.asset_keys
        ]

    def output_for_node(self, node_name: str, output_name: str = "result") -> Any:
        step = self.step_results.get(node_name)
        if step is None:
            raise DagwireError(f"run of job '{self.job_name}' has no node '{node_name}'")
        if output_name not in step.outputs:
            raise DagwireError(
                f"node '{node_name}' of job '{self.job_name}' has no output '{output_name}' "
                f"(status: {step.status})"
            )
        return step.outputs[output_name]

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


def _step_configs(steps: Sequence[Step], run_config: Mapping[str, Any], job_name: str) -> dict[str, Any]:
    ops_config: Mapping[str, Any] = run_config.get("ops") or {}
    problems: list[str] = []
    known = {step.key for step in steps}
    for name in ops_config:
        if name not in known:
            problems.append(f"ops: no op or asset named '{name}' in this run")
    configs: dict[str, Any] = {}
    for step in steps:
        source = step.definition.config_source
        entry = ops_config.get(step.key)
        data = entry.get("config") if isinstance(entry, dict) and set(entry) <= {"config"} else entry
        owner = step.definition.describe() if step.kind == "asset" else f"op '{step.key}'"
        if source is None:
            if entry is not None:
                problems.append(f"{owner}: takes no config")
            continue
        if source.kind == "class":
            try:
                configs[step.key] = validate_config(source.config_class, data, owner)
            except DagwireInvalidConfigError as error:
                problems.extend(f"{owner}: {line}" for line in error.problems)
        else:  # legacy config_schema= (issue 3)
            try:
                configs[step.key] = op_config_value(source.schema, entry, step.key)
            except LegacyConfigError as error:
                problems.extend(f"{owner}: {line}" for line in problem_lines(error, ()))
    if problems:
        raise DagwireInvalidConfigError(f"Invalid run config for job '{job_name}':", problems)
    return configs


def _users(steps: Sequence[Step], job_name: str) -> list[ResourceUser]:
    users: list[ResourceUser] = []
    for step in steps:
        definition = step.definition
        description = (
            definition.describe() if step.kind == "asset" else f"op '{step.key}' in job '{job_name}'"
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
) -> ExecuteInProcessResult:
    config = normalize_run_config(run_config)
    users = _users(steps, job_name)
    problems = binding_problems(users, resources) + nested_partial_problems(resources)
    asset_defs = [step.definition for step in steps if step.kind == "asset"]
    problems += asset_resource_problems(asset_defs, resources)
    if problems:
        raise DagwireInvalidDefinitionError(f"Cannot run job '{job_name}':", problems)
    step_configs = _step_configs(steps, config, job_name)
    bound: dict[str, Any] = dict(resources)
    for step in steps:
        bound.update(step.definition.resource_defs)
    bound.setdefault("io_manager", InMemoryIOManager())
    needed: list[str] = []
    for user in users:
        for key in [*(r.key for r in user.requirements), *user.io_manager_keys]:
            if key not in needed:
                needed.append(key)
    run_id = run_id or uuid.uuid4().hex
    results = [StepResult(step.key, step.kind) for step in steps]
    by_key = {result.key: result for result in results}

    with InitializedResources(bound, needed, run_config=config, run_id=run_id, log=_LOG) as values:
        for step, result in zip(steps, results):
            if any(by_key[upstream].status != "success" for upstream in step.after):
                continue  # an upstream step failed or was skipped
            started = time.perf_counter()
            try:
                _run_step(step, result, values, step_configs.get(step.key), run_id)
                result.status = "success"
            except Exception as error:
                result.status = "failure"
                result.error = error
                _LOG.error("step '%s' of job '%s' failed: %s", step.key, job_name, type(error).__name__)
                if raise_on_error:
                    raise
            finally:
                result.duration = time.perf_counter() - started
    return ExecuteInProcessResult(job_name, run_id, results)


def _run_step(step: Step, result: StepResult, resources: Mapping[str, Any], config: Any, run_id: str) -> None:
    definition = step.definition
    params = definition.parameters
    kwargs: dict[str, Any] = {}
    for param, source in step.inputs.items():
        upstream = OutputContext(
            step_key=source.step or (source.asset_key.to_python_identifier() if source.asset_key else ""),
            name=source.output,
            asset_key=source.asset_key,
            run_id=run_id,
        )
        manager = resources[source.io_manager_key]
        kwargs[param] = manager.load_input(InputContext(name=param, upstream_output=upstream, step_key=step.key))
    if params.config is not None and params.config.param is not None:
        kwargs[params.config.param] = config
    for requirement in params.resources:
        kwargs[requirement.param] = resources[requirement.key]
    if params.context_param is not None:
        context_class = AssetExecutionContext if step.kind == "asset" else OpExecutionContext
        step_resources = {r.key: resources[r.key] for r in params.requirements}
        asset_key = step.outputs[0][1] if step.kind == "asset" and len(step.outputs) == 1 else None
        kwargs[params.context_param] = context_class(
            op_name=step.key,
            op_config=config,
            resources=step_resources,
            run_id=run_id,
            log=_LOG,
            asset_key=asset_key,
        )
    value = definition.fn(**kwargs)
    if len(step.outputs) == 1:
        values = [value]
    else:
        if not isinstance(value, tuple) or len(value) != len(step.outputs):
            raise DagwireError(
                f"{definition.describe()} must return a tuple of {len(step.outputs)} values "
                f"(one per out, in order), got {type(value).__name__}"
            )
        values = list(value)
    for (name, asset_key, io_key), output in zip(step.outputs, values):
        if isinstance(output, MaterializeResult):
            # the asset stored its data itself: nothing for the IO manager
            result.metadata[name] = output.metadata
            if asset_key is not None:
                result.asset_keys.append(asset_key)
            continue
        if isinstance(output, Output):
            result.metadata[name] = output.metadata
            output = output.value
        resources[io_key].handle_output(
            OutputContext(step_key=step.key, name=name, asset_key=asset_key, run_id=run_id), output
        )
        result.outputs[name] = output
        if asset_key is not None:
            result.asset_keys.append(asset_key)
            result.asset_values[asset_key] = output


def execute_job(
    job: JobDefinition,
    *,
    run_config: RunConfig | Mapping[str, Any] | None,
    resources: Mapping[str, Any] | None,
    raise_on_error: bool,
    run_id: str | None,
) -> ExecuteInProcessResult:
    if job.nodes or not job.assets:
        steps = op_job_steps(job.nodes)
    else:
        steps = asset_steps(job.assets, job.asset_selection)
    return execute_steps(
        steps,
        job_name=job.name,
        resources=job.all_resources(resources),
        run_config=run_config,
        raise_on_error=raise_on_error,
        run_id=run_id,
    )


def materialize(
    assets: Sequence[AssetsDefinition[Any, Any]],
    resources: Mapping[str, Any] | None = None,
    run_config: RunConfig | Mapping[str, Any] | None = None,
    selection: Sequence[str | AssetKey | AssetsDefinition[Any, Any]] | None = None,
    raise_on_error: bool = True,
    run_id: str | None = None,
) -> ExecuteInProcessResult:
    """Materialize ``assets`` (or the ``selection`` of them) in this process."""
    selected = None if selection is None else [AssetKey.from_coercible(s) for s in selection]
    steps = asset_steps(list(assets), selected)
    return execute_steps(
        steps,
        job_name="__ephemeral_asset_job__",
        resources=dict(resources or {}),
        run_config=run_config,
        raise_on_error=raise_on_error,
        run_id=run_id,
    )


__all__ = ["ExecuteInProcessResult", "StepResult", "materialize"]
