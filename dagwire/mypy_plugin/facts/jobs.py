"""Record what a job runs: the ops of a `@job` / `@graph` body, `graph.to_job(...)`, and the
assets `define_asset_job(selection=...)` selects.

A job's facts are the facts of its nodes (`Captured.ops`), each under its node name, so that
`Definitions(jobs=[...])` checks what the ops require and run config is checked by op name.
"""

from __future__ import annotations

from collections import Counter

from mypy.nodes import (
    ARG_POS,
    CallExpr,
    DictExpr,
    Expression,
    ForStmt,
    FuncDef,
    ListExpr,
    MemberExpr,
    NameExpr,
    SymbolNode,
    Var,
)
from mypy.plugin import FunctionContext, MethodContext
from mypy.types import Instance, Type, get_proper_type

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.facts.carrier import Captured, Requirement, attach, decode
from dagwire.mypy_plugin.facts.definition_facts import node_facts
from dagwire.mypy_plugin.facts.untyped_definitions import untyped_definition
from dagwire.mypy_plugin.names import formal_args, resolve_ref, str_value
from dagwire.mypy_plugin.sources.definition_lists import resolve_definitions
from dagwire.mypy_plugin.sources.module_source import changed_elsewhere
from dagwire.mypy_plugin.tree_walk import collect_calls, nested_statements
from dagwire.mypy_plugin.type_helpers import type_builder
from dagwire.vocabulary.calls import IMPLICIT_RESOURCE_KEYS, RESOURCE_DEFS

# methods of a dynamic output in a job body
DYNAMIC_METHODS = frozenset({"map", "collect"})


def job_ops(func: FuncDef, api: CheckerApi) -> tuple[list[tuple[str, Captured]], bool]:
    """The ops a `@job` body invokes, by node name, and whether that list is complete."""
    calls: list[CallExpr] = []
    complete = collect_calls(func.body, calls)
    ops: list[tuple[str, Captured]] = []
    seen: Counter[str] = Counter()
    mod = api.tree
    for call in calls:
        callee = call.callee
        alias: str | None = None
        if (
            isinstance(callee, CallExpr)
            and isinstance(callee.callee, MemberExpr)
            and callee.callee.name == "alias"
            and callee.args
        ):
            alias = str_value(callee.args[0])
            if alias is None:
                complete = False
                continue
            target: Expression = callee.callee.expr
        elif isinstance(callee, MemberExpr) and callee.name == "alias":
            continue  # the inner `op.alias("x")` of `op.alias("x")()`
        elif isinstance(callee, MemberExpr) and callee.name in DYNAMIC_METHODS:
            # `fan_out().map(process).collect()`: `process` is a node of the job
            if callee.name == "collect" and not call.args:
                continue
            if len(call.args) != 1:
                complete = False
                continue
            target = call.args[0]
        else:
            target = callee
        node = resolve_ref(target, mod, api)
        op = node_facts(node) or untyped_definition(node, api)
        made = None if op is not None else _factory_made_ops(target, node, func, api)
        if op is not None and op.kind in ("op", "asset"):
            made = ([op], True)
        if made is not None:
            for op in made[0]:
                base = alias or op.name
                if not made[1] and seen[base]:
                    continue  # its node name is not known: not as `<name>_2` either
                seen[base] += 1
                node_name = base if seen[base] == 1 else f"{base}_{seen[base]}"
                ops.append((node_name, op))
            complete = complete and made[1]
        elif node is None or not node.fullname.startswith("builtins."):
            complete = False
    return ops, complete


def _factory_made_ops(
    target: Expression, node: SymbolNode | None, func: FuncDef, api: CheckerApi
) -> tuple[list[Captured], bool] | None:
    """The ops a job body calls through a value made by a factory: `make_op("x")()`, a
    module-level `copy_orders = make_op("orders")`, or each of a list in a loop (`for op_def
    in COPY_OPS: op_def()`), and whether their node names are known; None when not such a
    value, or when what it holds is not known."""
    listed: Expression = target
    looped = False
    if not isinstance(target, CallExpr):
        if not isinstance(node, Var) or not isinstance(target, NameExpr):
            return None
        loop = _loop_over(target.name, func)
        if loop is not None:
            listed, looped = loop, True
    found = resolve_definitions(listed, api.tree, api)
    if not found.complete or not found.items or any(d.kind != "op" for d in found.items):
        return None
    # an op whose name a factory's argument gives (`ops_complete`: facts/factory_made.py), or
    # one node per item of a loop: the node names are not known
    named = not looped and all(d.ops_complete for d in found.items)
    return found.items, named


def _loop_over(name: str, func: FuncDef) -> Expression | None:
    """What `for name in ...:` iterates, when that loop alone binds `name` in the body."""
    statements = nested_statements(func.body.body)
    loops = [
        stmt for stmt in statements
        if isinstance(stmt, ForStmt) and isinstance(stmt.index, NameExpr)
        and stmt.index.name == name
    ]
    # most names a job body calls are no loop's: those need no look at what changes them
    if len(loops) != 1:
        return None
    for stmt in statements:
        if changed_elsewhere([stmt], name, None) and not isinstance(stmt, ForStmt):
            return None
    return loops[0].expr


def record_to_job(ctx: MethodContext) -> tuple[Type, Captured | None]:
    """`graph.to_job(name=..., resource_defs={...})`: a job made of the graph's ops, which
    binds what its `resource_defs=` binds (the checks of those read the job's facts)."""
    api = ctx.api
    assert isinstance(api, CheckerApi)
    graph = decode(ctx.type)
    default = get_proper_type(ctx.default_return_type)
    if graph is None or graph.kind != "graph" or not isinstance(default, Instance):
        return ctx.default_return_type, None
    args = formal_args(ctx)
    name = str_value(args["name"]) if "name" in args else graph.name
    job = Captured(kind="job", name=name or graph.name, framework=graph.framework)
    job.ops, job.ops_complete = graph.ops, graph.ops_complete
    job.requirements_complete = graph.requirements_complete
    if RESOURCE_DEFS in args:
        defs = args[RESOURCE_DEFS]
        keys = [str_value(k) for k, _ in defs.items if k is not None] if isinstance(
            defs, DictExpr
        ) else []
        if isinstance(defs, DictExpr) and len(keys) == len(defs.items) and all(keys):
            job.local_keys = [k for k in keys if k]
        else:
            job.all_keys_local = True  # bindings not known: do not report its keys
    return attach(default, job, type_builder(api)), job


def unbound_by_own_resource_defs(job: Captured) -> list[tuple[str, Captured, Requirement]]:
    """(node, op, requirement) for each key a dagster job's ops need that its own non-empty
    `resource_defs=` does not bind, once per key.

    dagster validates such a job when it is built: the resources of `Definitions(...)` do
    not fill it in. dagwire merges them, so this is for dagster jobs only. Such a job is
    reported where it is built (checks/job_resource_defs.py), and requires nothing of the
    `Definitions(...)` that lists it: one mistake, one report.
    """
    if job.framework != "dagster" or job.all_keys_local or not job.local_keys:
        return []
    bound = set(IMPLICIT_RESOURCE_KEYS).union(job.local_keys)
    out = []
    for node, op in job.ops:
        if op.all_keys_local:
            continue
        for req in op.requirements:
            if req.key not in bound and req.key not in op.local_keys:
                out.append((node, op, req))
                bound.add(req.key)
    return out


def selected_assets(selection: Expression, api: CheckerApi) -> Expression:
    """`AssetSelection.assets(a, b)` selects the assets `[a, b]`; anything else as given."""
    if (
        isinstance(selection, CallExpr)
        and isinstance(selection.callee, MemberExpr)
        and selection.callee.name == "assets"
        and all(kind == ARG_POS for kind in selection.arg_kinds)
    ):
        owner = resolve_ref(selection.callee.expr, api.tree, api)
        if owner is not None and owner.fullname.endswith(".AssetSelection"):
            return ListExpr(list(selection.args))
    return selection


def asset_ops(selection: Expression, api: CheckerApi) -> tuple[list[tuple[str, Captured]], bool]:
    """The ops of the assets a selection names (an asset's op is named after its key), and
    whether that list is complete."""
    found = resolve_definitions(selected_assets(selection, api), api.tree, api)
    ops = [(d.name, d) for d in found.items if d.kind == "asset"]
    # an asset's `ops_complete` is False when its op name is not known (decorators.py)
    complete = found.complete and len(ops) == len(found.items) and all(
        d.ops_complete for _, d in ops
    )
    return ops, complete


def record_asset_job(fw_name: str, ctx: FunctionContext) -> tuple[Type, Captured]:
    """`define_asset_job(name, selection=...)`: an asset job whose ops are the selection's."""
    api = ctx.api
    assert isinstance(api, CheckerApi)
    args = formal_args(ctx)
    name = str_value(args["name"]) if "name" in args else None
    job = Captured(kind="asset_job", name=name or "?", framework=fw_name)
    if "selection" in args:
        job.ops, job.ops_complete = asset_ops(args["selection"], api)
    else:
        job.ops_complete = False  # no selection: every asset of the Definitions
    default = ctx.default_return_type
    if isinstance(default, Instance):
        return attach(default, job, type_builder(api)), job
    return default, job
