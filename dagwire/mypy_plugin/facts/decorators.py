"""Record what a decorated function requires, and store it in the definition's type.

Bare decorators (`@asset`) reach `get_function_hook` with the function's type. Decorators with
arguments (`@asset(group_name="x")`) return a callable that mypy applies later without a name;
the hook on `asset(...)` renames that callable (`marker_name`) so that its application reaches
`get_function_hook` too. Decorator objects (`_Op`, `OpDecorator`) reach `get_method_hook` on
their `__call__`. In every case the context is the `Decorator` node, which gives the
decorator's keyword arguments and the function's unanalysed annotations (`ResourceParam[T]`
is `Annotated`, so only the unanalysed annotation still says it).
"""

from __future__ import annotations

from mypy.nodes import (
    ARG_NAMED,
    ARG_STAR,
    ARG_STAR2,
    CallExpr,
    Decorator,
    DictExpr,
    Expression,
    FuncDef,
    ListExpr,
    StrExpr,
    TupleExpr,
)
from mypy.plugin import FunctionContext, MethodContext
from mypy.types import (
    AnyType,
    CallableType,
    Instance,
    Type,
    TypeOfAny,
    get_proper_type,
)

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.facts.carrier import Captured, Requirement, attach, decode
from dagwire.mypy_plugin.facts.jobs import job_ops
from dagwire.mypy_plugin.facts.parameters import capture_parameters, may_be_resource_param
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.names import call_kwargs, node_type, resolve_ref, str_value
from dagwire.mypy_plugin.tree_walk import collect_calls
from dagwire.mypy_plugin.type_helpers import literal_strings, type_builder
from dagwire.vocabulary.calls import (
    CONFIG_SCHEMA,
    IO_MANAGER_KEY,
    MANAGER_HOLDER_KEYWORDS,
    MANAGER_KEY_KEYWORDS,
    REQUIRED_RESOURCE_KEYS,
    RESOURCE_DEFS,
    TARGET_KEYWORDS,
)

MARKER_SUFFIX = "@dagwire-plugin:"  # hooks.py registers these names


def marker_name(fw: Framework, kind: str) -> str:
    return f"{kind}{MARKER_SUFFIX}{fw.name}"


def decorator_call(dec: Decorator, fw: Framework, kind: str, api: CheckerApi) -> CallExpr | None:
    """The `asset(...)` / `op(...)` call among a Decorator's decorators, if any."""
    for expr in dec.decorators:
        if isinstance(expr, CallExpr):
            node = resolve_ref(expr.callee, api.tree, api)
            if node is not None and fw.decorators.get(node.fullname) == kind:
                return expr
    return None


# The type a decorator hook returns, and what it recorded with the decorator call (None:
# nothing recorded, or not a definition).
Recorded = tuple[Type, tuple[Captured, CallExpr | None] | None]


def record_decorator(fw: Framework, kind: str, ctx: FunctionContext) -> Recorded:
    """`asset(fn)` / `@asset`: record; `asset(...)`: mark the returned decorator."""
    default = get_proper_type(ctx.default_return_type)
    if isinstance(default, CallableType):
        return default.copy_modified(name=marker_name(fw, kind)), None
    return record_application(fw, kind, ctx)


def record_application(
    fw: Framework, kind: str, ctx: FunctionContext | MethodContext
) -> Recorded:
    """The decorator applied to a function: attach what it requires to the result type.

    Returns the result type and what was recorded, with the decorator call (the checks of a
    job's own `resource_defs=` and `config=` read them: `hooks.py`).
    """
    default = get_proper_type(ctx.default_return_type)
    if not isinstance(default, Instance) or not ctx.arg_types or not ctx.arg_types[0]:
        return ctx.default_return_type, None
    fn = get_proper_type(ctx.arg_types[0][0])
    if not isinstance(fn, CallableType):
        return ctx.default_return_type, None
    api = ctx.api
    assert isinstance(api, CheckerApi)
    dec = ctx.context if isinstance(ctx.context, Decorator) else None
    call = decorator_call(dec, fw, kind, api) if dec is not None else None
    if (
        dec is not None
        and (call is None or not changes_facts(call))
        and signature_says_all(fw, default, dec.func)
    ):
        return ctx.default_return_type, None
    captured = capture(fw, kind, fn, dec, call, api)
    return attach(default, captured, type_builder(api)), (captured, call)


# Decorator arguments that `capture` reads. Any other (`group_name=`, `deps=`, `description=`,
# ...) leaves what the definition requires to the function's signature.
CAPTURED_ARGUMENTS = frozenset(
    {
        "name", "key", "key_prefix", REQUIRED_RESOURCE_KEYS, IO_MANAGER_KEY,
        RESOURCE_DEFS, CONFIG_SCHEMA, *TARGET_KEYWORDS, *MANAGER_HOLDER_KEYWORDS,
    }
)


def changes_facts(call: CallExpr) -> bool:
    """Whether the decorator call passes anything `capture` would store."""
    for kind, name in zip(call.arg_kinds, call.arg_names):
        if kind != ARG_NAMED or name in CAPTURED_ARGUMENTS:
            return True
    return False


def _capture_targets(expr: Expression, captured: Captured, api: CheckerApi) -> None:
    """`@sensor(job=etl)`: Definitions includes the jobs a sensor or schedule runs, so their
    facts ride along in the sensor's `ops` (a sensor has no ops of its own)."""
    items = expr.items if isinstance(expr, (ListExpr, TupleExpr)) else [expr]
    for item in items:
        d = decode(node_type(resolve_ref(item, api.tree, api)))
        if d is None or d.kind not in ("job", "asset_job"):
            captured.requirements_complete = False  # what it needs is not known
        else:
            captured.ops.append((d.name, d))


def _is_multi_asset(call: CallExpr, api: CheckerApi) -> bool:
    node = resolve_ref(call.callee, api.tree, api)
    return node is not None and node.fullname.endswith(".multi_asset")


def _key_parts(expr: Expression) -> list[str] | None:
    if isinstance(expr, StrExpr):
        # dagster keeps "a/b" as one (invalid) part, dagwire splits it: not known
        return None if "/" in expr.value else [expr.value]
    if isinstance(expr, (ListExpr, TupleExpr)):
        parts = [str_value(i) for i in expr.items]
        return [p for p in parts if p is not None] if all(parts) else None
    return None


def asset_op_name(name: str, kwargs: dict[str, Expression]) -> str | None:
    """The op name of `@asset(...)`: its key joined by "__"; None when not a literal."""
    if "key" in kwargs:
        path = _key_parts(kwargs["key"])
    elif "key_prefix" in kwargs:
        prefix = _key_parts(kwargs["key_prefix"])
        path = None if prefix is None else [*prefix, name]
    else:
        return name
    return "__".join(path) if path else None


def signature_says_all(fw: Framework, result: Instance, func: FuncDef) -> bool:
    """A decorator whose result type carries the function's parameters: the type already
    says what the definition requires (definition_facts.py), store nothing.

    Not when a parameter may be `ResourceParam[T]`: the analysed type has lost the marker.
    """
    if result.type.fullname not in fw.signature_classes:
        return False
    raw = func.unanalyzed_type
    if isinstance(raw, CallableType):
        for t in raw.arg_types:
            if may_be_resource_param(t):
                return False
    return True


def capture(
    fw: Framework,
    kind: str,
    fn: CallableType,
    dec: Decorator | None,
    call: CallExpr | None,
    api: CheckerApi,
) -> Captured:
    kwargs = call_kwargs(call) if call is not None else {}
    func = dec.func if dec is not None else None
    name = str_value(kwargs["name"]) if "name" in kwargs else None
    if name is None:
        name = func.name if func is not None else (fn.name or "?").split(" ")[0]
    captured = Captured(kind=kind, name=name, framework=fw.name, function=fn)
    if kind == "asset" and call is not None and not _is_multi_asset(call, api):
        # An asset's op (the run config key) is named after its whole key: `a__b__name`.
        op_name = asset_op_name(name, kwargs)
        if op_name is None:
            captured.ops_complete = False  # for an asset: "its op name is not known"
        else:
            captured.name = op_name
    if call is not None and any(k in (ARG_STAR, ARG_STAR2) for k in call.arg_kinds):
        captured.requirements_complete = False  # `@op(**COMMON)`: keys unknown
        captured.all_keys_local = True
    if kind in ("job", "graph"):
        if func is not None:
            captured.ops, captured.ops_complete = job_ops(func, api)
        else:
            captured.ops_complete = False
        captured.function = None
    else:
        unanalyzed = func.unanalyzed_type if func is not None else None
        capture_parameters(
            fw,
            kind,
            fn.arg_names,
            fn.arg_kinds,
            fn.arg_types,
            unanalyzed.arg_types if isinstance(unanalyzed, CallableType) else [],
            captured,
            api,
        )
        if not fw.invocation_methods:
            # dagwire keeps the signature in the type's ParamSpec: do not store it twice.
            captured.function = None
    if kind in ("sensor", "schedule"):
        for target in TARGET_KEYWORDS:
            if target in kwargs:
                _capture_targets(kwargs[target], captured, api)
    if REQUIRED_RESOURCE_KEYS in kwargs:
        keys = literal_strings(kwargs[REQUIRED_RESOURCE_KEYS])
        if keys is None:
            captured.requirements_complete = False
        else:
            captured.requirements += [
                Requirement(k, None, "required_resource_keys") for k in sorted(set(keys))
            ]
    if IO_MANAGER_KEY in kwargs:
        key = str_value(kwargs[IO_MANAGER_KEY])
        if key is not None:
            captured.requirements.append(Requirement(key, None, "io_manager_key"))
    for arg in MANAGER_HOLDER_KEYWORDS:
        if arg in kwargs:
            _capture_manager_keys(kwargs[arg], captured)
    if RESOURCE_DEFS in kwargs:
        defs = kwargs[RESOURCE_DEFS]
        local: list[str] | None = None
        if isinstance(defs, DictExpr):
            local = [k for k in (str_value(k) for k, _ in defs.items if k is not None) if k]
            if len(local) != len(defs.items):
                local = None
        if local is None:
            captured.all_keys_local = True
        else:
            captured.local_keys = local
    if CONFIG_SCHEMA in kwargs:
        captured.config = AnyType(TypeOfAny.special_form)
    return captured


def _capture_manager_keys(expr: Expression, captured: Captured) -> None:
    """`AssetOut(io_manager_key="lake")`, `Out(...)`, `In(input_manager_key=...)`: required keys."""
    calls: list[CallExpr] = []
    collect_calls(expr, calls)
    for call in calls:
        for arg in MANAGER_KEY_KEYWORDS:
            value = call_kwargs(call).get(arg)
            if value is None:
                continue
            key = str_value(value)
            if key is None:
                captured.requirements_complete = False
            elif key not in {r.key for r in captured.requirements}:
                captured.requirements.append(Requirement(key, None, "io_manager_key"))
