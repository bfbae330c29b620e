"""Run config keyed by op name: `RunConfig(ops={"greet": GreetingConfig(...)})`.

Checked where the job is known: `job.execute_in_process(run_config=...)`,
`materialize([assets], run_config=...)` and `define_asset_job(..., config=...)`.
`define_asset_job` also records the assets its selection names, in its type.
"""

from __future__ import annotations

from mypy.nodes import (
    ARG_POS,
    CallExpr,
    Context,
    Decorator,
    DictExpr,
    Expression,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    Var,
)
from mypy.plugin import FunctionContext, MethodContext
from mypy.subtypes import is_subtype
from mypy.types import Instance, Type

from dagwire.mypy_plugin import error_codes, messages
from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.type_helpers import type_builder
from dagwire.mypy_plugin.captured import Captured, attach, decode
from dagwire.mypy_plugin.definition_sources import expr_type, resolve_definitions
from dagwire.mypy_plugin.execution_resources import check_execute_in_process, check_materialize
from dagwire.mypy_plugin.frameworks import ALL_FRAMEWORKS, Framework
from dagwire.mypy_plugin.settings import Settings
from dagwire.mypy_plugin.symbols import (
    call_kwargs,
    node_type,
    resolve_ref,
    str_value,
    variable_initializer,
)


def _args(ctx: FunctionContext | MethodContext) -> dict[str, Expression]:
    out: dict[str, Expression] = {}
    for name, exprs in zip(ctx.callee_arg_names, ctx.args):
        if name is not None and len(exprs) == 1:
            out[name] = exprs[0]
    return out


def _ops_dict(expr: Expression, mod: MypyFile, api: CheckerApi, depth: int = 0) -> tuple[
    DictExpr, MypyFile
] | None:
    """The `ops={...}` dict literal of a RunConfig expression, if it can be followed."""
    if depth > 5:
        return None
    if isinstance(expr, NameExpr):
        node = resolve_ref(expr, mod, api)
        if isinstance(node, Var):
            init = variable_initializer(node, api)
            if init is not None:
                return _ops_dict(init[0], init[1], api, depth + 1)
        return None
    if not isinstance(expr, CallExpr):
        return None
    node = resolve_ref(expr.callee, mod, api)
    if node is None or not any(fw.run_config == node.fullname for fw in ALL_FRAMEWORKS.values()):
        return None
    kwargs = call_kwargs(expr)
    ops = kwargs.get("ops")
    if ops is None and expr.args and expr.arg_names[0] is None:
        ops = expr.args[0]
    if isinstance(ops, DictExpr):
        return ops, mod
    return None


def check_run_config(
    expr: Expression, owner: Captured, api: CheckerApi, context: Context
) -> None:
    found = _ops_dict(expr, api.tree, api)
    if found is None:
        return
    ops_dict, mod = found
    by_name = {node: op for node, op in owner.ops}
    for key_expr, value in ops_dict.items:
        key = str_value(key_expr) if key_expr is not None else None
        if key is None:
            continue
        op = by_name.get(key)
        if op is None:
            if owner.ops_complete:
                api.fail(
                    messages.run_config_unknown_op(key, owner.label),
                    context,
                    code=error_codes.RUN_CONFIG,
                )
            continue
        if isinstance(value, DictExpr):
            continue  # legacy {"config": {...}}: schema checked at run time
        if op.config is None:
            api.fail(
                messages.run_config_no_config(key, owner.label),
                context,
                code=error_codes.RUN_CONFIG,
            )
            continue
        given = expr_type(value, mod, api)
        if (
            isinstance(given, Instance)
            and isinstance(op.config, Instance)
            and not is_subtype(given, op.config)
        ):
            api.fail(
                messages.wrong_config(
                    messages.fmt(given, api.options),
                    f'op "{key}" of {owner.label}',
                    messages.fmt(op.config, api.options),
                ),
                context,
                code=error_codes.CONFIG_TYPE,
            )


def _selected_assets(selection: Expression, api: CheckerApi) -> Expression:
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


def _asset_ops(selection: Expression, api: CheckerApi) -> tuple[list[tuple[str, Captured]], bool]:
    found = resolve_definitions(_selected_assets(selection, api), api.tree, api)
    ops = [(d.name, d) for d in found.items if d.kind == "asset"]
    # an asset's `ops_complete` is False when its op name is not known (capture.py)
    complete = found.complete and len(ops) == len(found.items) and all(
        d.ops_complete for _, d in ops
    )
    return ops, complete


def define_asset_job_hook(fw: Framework, settings: Settings, ctx: FunctionContext) -> Type:
    api = ctx.api
    assert isinstance(api, CheckerApi)
    args = _args(ctx)
    name = str_value(args["name"]) if "name" in args else None
    job = Captured(kind="asset_job", name=name or "?", framework=fw.name)
    if "selection" in args:
        job.ops, job.ops_complete = _asset_ops(args["selection"], api)
    else:
        job.ops_complete = False  # no selection: every asset of the Definitions
    if settings.check_run_config and "config" in args:
        check_run_config(args["config"], job, api, ctx.context)
    default = ctx.default_return_type
    if isinstance(default, Instance):
        return attach(default, job, type_builder(api))
    return default


def materialize_hook(fw: Framework, settings: Settings, ctx: FunctionContext) -> Type:
    api = ctx.api
    assert isinstance(api, CheckerApi)
    args = _args(ctx)
    check_materialize(fw, ctx)
    if settings.check_run_config and "run_config" in args and "assets" in args:
        ops, complete = _asset_ops(args["assets"], api)
        owner = Captured(kind="asset_job", name="materialize", framework=fw.name, ops=ops)
        owner.ops_complete = complete
        check_run_config(args["run_config"], owner, api, ctx.context)
    return ctx.default_return_type


def execute_in_process_hook(fw: Framework, settings: Settings, ctx: MethodContext) -> Type:
    api = ctx.api
    assert isinstance(api, CheckerApi)
    job = decode(ctx.type)
    args = _args(ctx)
    if job is not None and job.kind == "job":
        check_execute_in_process(fw, job, ctx)
    if settings.check_run_config and job is not None and job.kind == "job" and "run_config" in args:
        check_run_config(args["run_config"], job, api, ctx.context)
    return ctx.default_return_type


def run_request_hook(fw: Framework, ctx: FunctionContext) -> Type:
    """`RunRequest(run_config=...)` inside a sensor or schedule whose decorator names `job=`."""
    api = ctx.api
    assert isinstance(api, CheckerApi)
    args = _args(ctx)
    if "run_config" not in args or "job_name" in args:
        return ctx.default_return_type
    func = api.scope.top_level_function()
    sym = api.globals.get(func.name) if func is not None else None
    dec = sym.node if sym is not None else None
    if not isinstance(dec, Decorator) or dec.func is not func:
        return ctx.default_return_type
    for expr in dec.decorators:
        if not isinstance(expr, CallExpr):
            continue
        node = resolve_ref(expr.callee, api.tree, api)
        kind = fw.decorators.get(node.fullname) if node is not None else None
        target = call_kwargs(expr).get("job")
        if kind in ("sensor", "schedule") and target is not None:
            job = decode(node_type(resolve_ref(target, api.tree, api)))
            if job is not None and job.kind in ("job", "asset_job"):
                check_run_config(args["run_config"], job, api, ctx.context)
    return ctx.default_return_type
