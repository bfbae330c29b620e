"""Execution plans: the ordered steps of a run, from an op job or from a set of assets."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dagwire.runtime.asset import AssetKey, AssetsDefinition
from dagwire.runtime.asset_check import AssetChecksDefinition
from dagwire.runtime.asset_deps import resolve_asset_deps
from dagwire.runtime.asset_spec import AssetSpec
from dagwire.runtime.composition import Node, NodeOutput
from dagwire.runtime.errors import DagwireInvalidDefinitionError
from dagwire.runtime.partitions import PartitionsDefinition
from dagwire.runtime.toposort import dependency_levels, sorter
from dagwire.vocabulary.calls import DEFAULT_IO_MANAGER_KEY


@dataclass(frozen=True)
class InputSource:
    """Where a step input comes from: an output of an earlier step of this run, or a stored
    asset (not selected in this run, or an external ``AssetSpec``) loaded through its IO
    manager."""

    step: str | None
    output: str
    asset_key: AssetKey | None
    io_manager_key: str
    partitions_def: PartitionsDefinition | None = None  # the upstream asset's


@dataclass
class Step:
    key: str
    kind: str  # "op", "asset" or "asset_check"
    definition: Any  # OpDefinition, AssetsDefinition or AssetChecksDefinition
    inputs: dict[str, InputSource] = field(default_factory=dict)
    # (output name, asset key or None, io manager key)
    outputs: list[tuple[str, AssetKey | None, str]] = field(default_factory=list)
    after: list[str] = field(default_factory=list)  # steps that must run first


def op_job_steps(nodes: Mapping[str, Node]) -> list[Step]:
    """Steps of an op job, in Dagster's order (see ``_topological``)."""
    steps: dict[str, Step] = {}
    for node in nodes.values():
        inputs: dict[str, InputSource] = {}
        for param, source in node.inputs.items():
            assert isinstance(source, NodeOutput)  # a job body has no graph inputs
            upstream = nodes[source.node].op.outs[source.output]
            inputs[param] = InputSource(source.node, source.output, None, upstream.io_manager_key)
        steps[node.name] = Step(
            key=node.name,
            kind="op",
            definition=node.op,
            inputs=inputs,
            outputs=[(name, None, out.io_manager_key) for name, out in node.op.outs.items()],
            after=sorted({source.step for source in inputs.values() if source.step is not None}),
        )
    return _topological(steps)


def asset_steps(
    assets: Sequence[AssetsDefinition[Any, Any] | AssetSpec],
    selection: Sequence[AssetKey] | None = None,
    checks: Sequence[AssetChecksDefinition[Any, Any]] = (),
) -> list[Step]:
    """Steps that materialize ``selection`` (default: every asset), in dependency order, and
    run the ``checks`` of the selected assets after them.

    Upstream assets outside the selection, and external ones (``AssetSpec``), are loaded
    through their IO manager; upstream keys that nothing defines are a definition error.
    """
    specs = {spec.key: spec for spec in assets if isinstance(spec, AssetSpec)}
    definitions = resolve_asset_deps(
        [a for a in assets if isinstance(a, AssetsDefinition)],
        {key: spec.group_name or "default" for key, spec in specs.items()},
    )
    producer: dict[AssetKey, AssetsDefinition[Any, Any]] = {}
    for asset_def in definitions:
        for key in asset_def.keys:
            producer[key] = asset_def
    selected_keys = set(producer) if selection is None else set(selection)
    selected: list[AssetsDefinition[Any, Any] | AssetChecksDefinition[Any, Any]] = []
    selected_ids: set[int] = set()
    for asset_def in definitions:
        if id(asset_def) not in selected_ids and any(k in selected_keys for k in asset_def.keys):
            selected.append(asset_def)
            selected_ids.add(id(asset_def))
    run_checks = [check for check in checks
                  if selection is None or check.asset_key in selected_keys]
    selected.extend(run_checks)

    problems: list[str] = []
    steps: dict[str, Step] = {}
    for definition in selected:
        is_check = isinstance(definition, AssetChecksDefinition)
        inputs: dict[str, InputSource] = {}
        after: set[str] = set()
        for param, upstream in definition.input_keys.items():
            manager_key = definition.input_manager_keys.get(param)
            source = producer.get(upstream)
            if source is None:
                spec = specs.get(upstream)
                checked = isinstance(definition, AssetChecksDefinition) and \
                    upstream == definition.asset_key
                if spec is not None or checked:
                    # an external asset (or a check run without its asset): stored already
                    inputs[param] = InputSource(
                        None, "result", upstream,
                        manager_key or (spec.io_manager_key if spec is not None
                                        else DEFAULT_IO_MANAGER_KEY),
                        spec.partitions_def if spec is not None else None)
                    continue
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
                manager_key or source.io_manager_keys[upstream],
                source.partitions_def,
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
            kind="asset_check" if is_check else "asset",
            definition=definition,
            inputs=inputs,
            outputs=[] if isinstance(definition, AssetChecksDefinition) else
            [(name, key, definition.io_manager_keys[key]) for name, key in definition.outputs],
            after=sorted(after),
        )
    if problems:
        raise DagwireInvalidDefinitionError("Invalid asset graph:", problems)
    # what is downstream of a checked asset waits for the asset's blocking checks
    for check in run_checks:
        if not check.blocking:
            continue
        for step in steps.values():
            if step.kind == "asset" and check.asset_key not in step.definition.keys and \
                    check.asset_key in step.definition.upstream_keys:
                step.after = sorted({*step.after, check.op_name})
    return _topological(steps)


def _topological(steps: dict[str, Step]) -> list[Step]:
    """The order Dagster's in-process executor runs steps in, so that what steps print comes
    out in the same order. Steps are ranked as Dagster plans them: nodes by dependency level,
    then by name, a graph node's ops in its place, ranked the same way inside the graph. The
    first ready step runs; the steps it makes ready queue up behind those already waiting, in
    rank order."""
    rank = _ranks(steps)
    graph = sorter({key: set(step.after) for key, step in steps.items()})
    queue = deque(sorted(graph.get_ready(), key=rank.__getitem__))
    result: list[Step] = []
    while queue:
        key = queue.popleft()
        result.append(steps[key])
        graph.done(key)
        queue.extend(sorted(graph.get_ready(), key=rank.__getitem__))
    return result


def _ranks(steps: dict[str, Step]) -> dict[str, tuple[Any, ...]]:
    ranks: dict[str, tuple[Any, ...]] = {}

    def visit(keys: list[str], depth: int, base: tuple[Any, ...]) -> None:
        groups: dict[str, list[str]] = {}
        group_of: dict[str, str] = {}
        for key in keys:
            name = key.split(".")[depth]
            groups.setdefault(name, []).append(key)
            group_of[key] = name
        needs: dict[str, set[str]] = {name: set() for name in groups}
        for key in keys:
            for upstream in steps[key].after:
                other = group_of.get(upstream)
                if other is not None and other != group_of[key]:
                    needs[group_of[key]].add(other)
        for level, names in enumerate(dependency_levels(needs)):
            for name in names:
                members = groups[name]
                if len(members) == 1 and members[0].count(".") == depth:
                    ranks[members[0]] = (*base, level, name)
                else:
                    visit(members, depth + 1, (*base, level, name))

    visit(list(steps), 0, ())
    return ranks
