"""Run config keyed by op name: `RunConfig(ops={"greet": GreetingConfig(...)})`.

Checked where the job is known: `job.execute_in_process(run_config=...)`,
`materialize([assets], run_config=...)`, `define_asset_job(..., config=...)`,
`@job(config=...)` and `RunRequest(run_config=...)` in a sensor or schedule that names its job.
"""

from __future__ import annotations

from mypy.nodes import (
    CallExpr,
    Context,
    Decorator,
    DictExpr,
    Expression,
    MypyFile,
    NameExpr,
    Var,
)
from mypy.plugin import FunctionContext, MethodContext
from mypy.subtypes import is_subtype
from mypy.types import Instance

from dagwire.mypy_plugin import error_codes, messages
from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.facts.carrier import Captured, decode
from dagwire.mypy_plugin.facts.jobs import asset_ops
from dagwire.mypy_plugin.frameworks import ALL_FRAMEWORKS, Framework
from dagwire.mypy_plugin.names import (
    call_kwargs,
    expr_type,
    formal_args,
    node_type,
    resolve_ref,
    str_value,
)
from dagwire.mypy_plugin.sources.module_source import variable_initializer


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


def check_materialize_run_config(fw: Framework, ctx: FunctionContext) -> None:
    """`materialize([assets], run_config=...)`: the assets' ops are the job's."""
    api = ctx.api
    assert isinstance(api, CheckerApi)
    args = formal_args(ctx)
    if "run_config" in args and "assets" in args:
        ops, complete = asset_ops(args["assets"], api)
        owner = Captured(kind="asset_job", name="materialize", framework=fw.name, ops=ops)
        owner.ops_complete = complete
        check_run_config(args["run_config"], owner, api, ctx.context)


def check_job_run_config(job: Captured, ctx: FunctionContext | MethodContext, arg: str) -> None:
    """A job's run config given as the call's argument `arg` (`run_config=`, `config=`)."""
    api = ctx.api
    assert isinstance(api, CheckerApi)
    args = formal_args(ctx)
    if arg in args:
        check_run_config(args[arg], job, api, ctx.context)


def check_run_request(fw: Framework, ctx: FunctionContext) -> None:
    """`RunRequest(run_config=...)` inside a sensor or schedule whose decorator names `job=`."""
    api = ctx.api
    assert isinstance(api, CheckerApi)
    args = formal_args(ctx)
    if "run_config" not in args or "job_name" in args:
        return
    func = api.scope.top_level_function()
    sym = api.globals.get(func.name) if func is not None else None
    dec = sym.node if sym is not None else None
    if not isinstance(dec, Decorator) or dec.func is not func:
        return
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
