"""Execution plans: the ordered steps of a run, from an op job or from a set of assets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dagwire.runtime.asset import AssetKey, AssetsDefinition
from dagwire.runtime.composition import Node
from dagwire.runtime.errors import DagwireInvalidDefinitionError


@dataclass(frozen=True)
class InputSource:
    """Where a step input comes from: an output of an earlier step of this run, or a stored
    asset (not selected in this run) loaded through its IO manager."""

    step: str | None
    output: str
    asset_key: AssetKey | None
    io_manager_key: str


@dataclass
class Step:
    key: str
    kind: str  # "op" or "asset"
    definition: Any  # OpDefinition or AssetsDefinition
    inputs: dict[str, InputSource] = field(default_factory=dict)
    # (output name, asset key or None, io manager key)
    outputs: list[tuple[str, AssetKey | None, str]] = field(default_factory=list)
    after: list[str] = field(default_factory=list)  # steps that must run first


def op_job_steps(nodes: Mapping[str, Node]) -> list[Step]:
    """Steps of an op job, in the order the body called the ops (already topological)."""
    steps: list[Step] = []
    for node in nodes.values():
        inputs = {
            param: InputSource(source.node, source.output, None, "io_manager")
            for param, source in node.inputs.items()
        }
        steps.append(
            Step(
                key=node.name,
                kind="op",
                definition=node.op,
                inputs=inputs,
                outputs=[("result", None, "io_manager")],
                after=sorted({source.node for source in node.inputs.values()}),
            )
        )
    return steps


def asset_steps(
    assets: Sequence[AssetsDefinition[Any, Any]],
    selection: Sequence[AssetKey] | None = None,
) -> list[Step]:
    """Steps that materialize ``selection`` (default: every asset), in dependency order.

    Upstream assets outside the selection are loaded through their IO manager; upstream
    keys that no asset defines are a definition error.
    """
    producer: dict[AssetKey, AssetsDefinition[Any, Any]] = {}
    for definition in assets:
        for key in definition.keys:
            producer[key] = definition
    selected_keys = set(producer) if selection is None else set(selection)
    selected: list[AssetsDefinition[Any, Any]] = []
    selected_ids: set[int] = set()
    for definition in assets:
        if id(definition) not in selected_ids and any(k in selected_keys for k in definition.keys):
            selected.append(definition)
            selected_ids.add(id(definition))

    problems: list[str] = []
    steps: dict[str, Step] = {}
    for definition in selected:
        inputs: dict[str, InputSource] = {}
        after: set[str] = set()
        for param, upstream in definition.input_keys.items():
            source = producer.get(upstream)
            if source is None:
                if param in definition.parameters.optional_inputs:
                    continue
                problems.append(
                    f"{definition.describe()} input '{param}': no asset with key "
                    f"'{upstream.to_user_string()}' is defined"
                )
                continue
            output_name = (
                source.outputs[0][0]
                if len(source.outputs) == 1
                else next(name for name, key in source.outputs if key == upstream)
            )
            in_run = id(source) in selected_ids
            inputs[param] = InputSource(
                source.op_name if in_run else None,
                output_name,
                upstream,
                source.io_manager_keys[upstream],
            )
            if in_run:
                after.add(source.op_name)
        for dep in definition.deps:
            source = producer.get(dep)
            if source is not None and id(source) in selected_ids:
                after.add(source.op_name)
        after.discard(definition.op_name)
        steps[definition.op_name] = Step(
            key=definition.op_name,
            kind="asset",
            definition=definition,
            inputs=inputs,
            outputs=[(name, key, definition.io_manager_keys[key]) for name, key in definition.outputs],
            after=sorted(after),
        )
    if problems:
        raise DagwireInvalidDefinitionError("Invalid asset graph:", problems)
    return _topological(steps)


def _topological(steps: dict[str, Step]) -> list[Step]:
    """Kahn's algorithm; ties keep definition order so runs are deterministic."""
    remaining = {key: set(step.after) for key, step in steps.items()}
    dependents: dict[str, list[str]] = {key: [] for key in steps}
    for key, step in steps.items():
        for upstream in step.after:
            dependents[upstream].append(key)
    order = list(steps)
    ready = [key for key in order if not remaining[key]]
    result: list[Step] = []
    while ready:
        key = ready.pop(0)
        result.append(steps[key])
        for dependent in dependents[key]:
            remaining[dependent].discard(key)
            if not remaining[dependent]:
                ready.append(dependent)
    if len(result) != len(steps):
        cycle = sorted(key for key, deps in remaining.items() if deps)
        raise DagwireInvalidDefinitionError(
            "Invalid asset graph:", [f"dependency cycle between {', '.join(cycle)}"]
        )
    return result
