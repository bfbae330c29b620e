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

from mypy.nodes import ARG_NAMED, CallExpr, Decorator, Expression, FuncDef
from mypy.plugin import FunctionContext, MethodContext
from mypy.types import CallableType, Instance, Type, get_proper_type

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.facts.capture import CAPTURED_ARGUMENTS, capture_own, decorator_call
from dagwire.mypy_plugin.facts.carrier import Captured, attach
from dagwire.mypy_plugin.facts.jobs import job_ops, selected_assets
from dagwire.mypy_plugin.facts.parameters import may_be_resource_param
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.sources.definition_lists import resolve_definitions
from dagwire.mypy_plugin.type_helpers import type_builder
from dagwire.vocabulary.calls import TARGET_KEYWORDS
from dagwire.vocabulary.names import ASSET_KINDS, COMPOSITION_KINDS

# Kinds of decoration that make no definition of their own (a repository is a binding site).
UNRECORDED_KINDS = frozenset({"repository"})

MARKER_SUFFIX = "@dagwire-plugin:"  # hooks.py registers these names


def marker_name(fw: Framework, kind: str) -> str:
    return f"{kind}{MARKER_SUFFIX}{fw.name}"


# The type a decorator hook returns, and what it recorded with the decorator call (None:
# nothing recorded, or not a definition).
Recorded = tuple[Type, tuple[Captured, CallExpr | None] | None]


def mark_decorator(fw: Framework, kind: str, ctx: FunctionContext) -> Type:
    """`asset(...)` returns a decorator: rename it, so that its application reaches the
    function hook registered under `marker_name` with the decorated function."""
    default = get_proper_type(ctx.default_return_type)
    if isinstance(default, CallableType):
        return default.copy_modified(name=marker_name(fw, kind))
    return ctx.default_return_type


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
    if kind in UNRECORDED_KINDS:
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


def changes_facts(call: CallExpr) -> bool:
    """Whether the decorator call passes anything `capture` would store."""
    for kind, name in zip(call.arg_kinds, call.arg_names):
        if kind != ARG_NAMED or name in CAPTURED_ARGUMENTS:
            return True
    return False


def _capture_targets(expr: Expression, captured: Captured, api: CheckerApi) -> None:
    """`@sensor(job=etl)`, `@sensor(target=[orders])`: Definitions includes the jobs (and the
    assets) a sensor or schedule runs, so their facts ride along in the sensor's `ops` (a
    sensor has no ops of its own)."""
    found = resolve_definitions(selected_assets(expr, api), api.tree, api)
    for d in found.items:
        if d.kind in TARGET_KINDS:
            captured.ops.append((d.name, d))
        else:
            captured.requirements_complete = False
    if not found.complete:
        captured.requirements_complete = False  # what it needs is not known


# What a sensor or schedule may run: jobs, or assets (dagster builds their job).
TARGET_KINDS = frozenset({"job", "asset_job", *ASSET_KINDS})


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
    captured, kwargs = capture_own(fw, kind, fn, dec, call, api)
    if kind in COMPOSITION_KINDS and dec is not None:
        captured.ops, captured.ops_complete = job_ops(dec.func, api)
    if kind in ("sensor", "schedule"):
        for target in TARGET_KEYWORDS:
            if target in kwargs:
                _capture_targets(kwargs[target], captured, api)
    return captured
