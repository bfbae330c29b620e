"""Direct invocation of a dagster op or asset: `greet(config=GreetingConfig(...))`.

dagster types `__call__` as `(*args, **kwargs) -> Any`; the captured signature says what the
call must pass. (dagwire types `__call__` with ParamSpec, so mypy checks those calls itself.)
Calls inside a `@job` / `@graph` body compose ops and are not invocations: they are skipped.
"""

from __future__ import annotations

from mypy.nodes import (
    ARG_NAMED,
    ARG_NAMED_OPT,
    ARG_OPT,
    ARG_POS,
    ARG_STAR,
    ARG_STAR2,
    ArgKind,
    CallExpr,
    Decorator,
    Expression,
    MemberExpr,
    NameExpr,
    Var,
)
from mypy.plugin import MethodContext, MethodSigContext
from mypy.subtypes import is_subtype
from mypy.types import (
    AnyType,
    FunctionLike,
    Instance,
    Type,
    TypeOfAny,
    get_proper_type,
)

from dagwire.mypy_plugin import error_codes, messages
from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.facts.carrier import Captured, decode
from dagwire.mypy_plugin.facts.definition_facts import definition_facts
from dagwire.mypy_plugin.frameworks import ALL_FRAMEWORKS, Framework
from dagwire.mypy_plugin.names import resolve_ref
from dagwire.mypy_plugin.sources.enclosing import enclosing_decorators
from dagwire.mypy_plugin.tree_walk import collect_calls
from dagwire.mypy_plugin.type_helpers import is_subclass_of
from dagwire.vocabulary.calls import CONTEXT_PARAM_NAMES
from dagwire.vocabulary.names import (
    COMPOSITION_KINDS,
    COMPUTE_CONTEXT_BUILDERS,
    CONTEXT_BUILDERS,
    DECORATORS,
)

COMPOSITION_DECORATORS = frozenset(
    name for name, kind in DECORATORS.items() if kind in COMPOSITION_KINDS
)


def _is_composition_decorator(expr: Expression, api: CheckerApi) -> bool:
    target = expr.callee if isinstance(expr, CallExpr) else expr
    node = resolve_ref(target, api.tree, api)
    if node is not None:
        name = node.fullname.rsplit(".", 1)[-1]
    elif isinstance(target, (NameExpr, MemberExpr)):
        name = target.name
    else:
        return False
    return name in COMPOSITION_DECORATORS


def in_composition(api: CheckerApi) -> bool:
    """True inside the body of a `@job` / `@graph` (also nested in a factory function), in a
    helper function that a job body of this module calls, or where the enclosing functions
    cannot be told; any other plain function (a test) is not one."""
    chain = enclosing_decorators(api)
    if chain is None:
        return True  # a decorated function whose decorators are not found: do not guess
    if any(_is_composition_decorator(e, api) for decorators in chain for e in decorators):
        return True
    func = api.scope.top_level_function()
    return func is not None and _called_by_a_job_body(func.name, api)


def _called_by_a_job_body(name: str, api: CheckerApi) -> bool:
    """`def steps(): load(extract())` called in a `@job` body composes the job too."""
    for stmt in api.tree.defs:
        if isinstance(stmt, Decorator) and any(
            _is_composition_decorator(e, api) for e in stmt.decorators
        ):
            calls: list[CallExpr] = []
            collect_calls(stmt.func.body, calls)
            if any(isinstance(c.callee, NameExpr) and c.callee.name == name for c in calls):
                return True
    return False


def call_hook(fw: Framework, kind: str, ctx: MethodContext) -> Type:
    api = ctx.api
    assert isinstance(api, CheckerApi)
    d = decode(ctx.type)
    call = ctx.context
    if d is None or d.function is None or not isinstance(call, CallExpr) or in_composition(api):
        return ctx.default_return_type
    fn = d.function
    if any(k in (ARG_STAR, ARG_STAR2) for k in call.arg_kinds):
        return fn.ret_type
    has_context = bool(fn.arg_names) and fn.arg_names[0] in CONTEXT_PARAM_NAMES
    positional = [a for a, n in zip(call.args, call.arg_names) if n is None]
    keywords = {n: a for a, n in zip(call.args, call.arg_names) if n is not None}
    context_first = False
    if positional and not has_context:
        # Dagster takes a context given first as the context, declared or not.
        first = api.lookup_type_or_none(positional[0])
        if first is not None and is_subclass_of(get_proper_type(first), fw.context_classes):
            context_first = not carries_nothing(positional[0], api)
            positional = positional[1:]
    bound: dict[str, Type | None] = {}
    for i, arg in enumerate(positional):
        if i < len(fn.arg_names) and fn.arg_kinds[i] in (ARG_POS, ARG_OPT):
            name = fn.arg_names[i]
            if name is not None:
                bound[name] = api.lookup_type_or_none(arg)
    for name, arg in keywords.items():
        bound[name] = api.lookup_type_or_none(arg)
    optional = {
        n for n, k in zip(fn.arg_names, fn.arg_kinds) if n and k in (ARG_OPT, ARG_NAMED_OPT)
    }
    # A context passed to the call may carry the resources (`build_op_context(resources=...)`).
    context_passed = context_first or has_context and bool(positional) or any(
        n in CONTEXT_PARAM_NAMES for n in keywords
    )
    if has_context and positional and carries_nothing(positional[0], api):
        context_passed = False
    for req in d.requirements:
        if req.source != "parameter" or req.expected is None:
            continue
        expects = messages.fmt(req.expected, api.options)
        if req.key not in bound:
            if req.key not in optional and not context_passed:
                api.fail(
                    messages.missing_resource_arg(req.key, d.label, expects),
                    call,
                    code=error_codes.INVOCATION,
                )
            continue
        given = bound[req.key]
        given_p = get_proper_type(given) if given is not None else None
        if isinstance(given_p, Instance) and not is_subtype(given_p, req.expected):
            api.fail(
                messages.wrong_resource_arg(
                    req.key, messages.fmt(given_p, api.options), d.label, expects
                ),
                call,
                code=error_codes.RESOURCE_TYPE,
            )
    config = d.config
    given_cfg = bound.get("config")
    given_cfg_p = get_proper_type(given_cfg) if given_cfg is not None else None
    if (
        isinstance(config, Instance)
        and isinstance(given_cfg_p, Instance)
        and not is_subtype(given_cfg_p, config)
    ):
        api.fail(
            messages.wrong_config(
                messages.fmt(given_cfg_p, api.options), d.label, messages.fmt(config, api.options)
            ),
            call,
            code=error_codes.CONFIG_TYPE,
        )
    return fn.ret_type


def carries_nothing(expr: Expression, api: CheckerApi) -> bool:
    """`build_asset_context()` / `build_op_context()` with no argument: no resources, no
    config (a context built elsewhere, or with arguments, may carry them)."""
    if not isinstance(expr, CallExpr) or expr.args:
        return False
    node = resolve_ref(expr.callee, api.tree, api)
    name = node.fullname.rsplit(".", 1)[-1] if node is not None else ""
    return name in COMPUTE_CONTEXT_BUILDERS


def composition_signature_hook(ctx: MethodSigContext) -> FunctionLike:
    """Inside a `@job` body an op call composes the graph: accept what the runtime accepts.

    dagwire types `OpDefinition.__call__` with the function's ParamSpec (right for a direct
    call), but `greet()` in a job body passes only the op's inputs.
    """
    api = ctx.api
    if not isinstance(api, CheckerApi):
        return ctx.default_signature
    if not in_composition(api):
        return context_carried_signature(ctx)
    any_t = AnyType(TypeOfAny.special_form)
    return ctx.default_signature.copy_modified(
        arg_types=[any_t, any_t],
        arg_kinds=[ARG_STAR, ARG_STAR2],
        arg_names=[None, None],
        ret_type=any_t,
        variables=[],
    )


_CONTEXT_CLASSES = frozenset(
    name for fw in ALL_FRAMEWORKS.values() for name in fw.context_classes
)


def is_context(expr: Expression, api: CheckerApi) -> bool:
    """`build_op_context(...)` (and the sensor, schedule, asset ones), or a variable holding
    a context."""
    if isinstance(expr, CallExpr):
        node = resolve_ref(expr.callee, api.tree, api)
        return node is not None and node.fullname.rsplit(".", 1)[-1] in CONTEXT_BUILDERS
    if isinstance(expr, (NameExpr, MemberExpr)) and isinstance(expr.node, Var):
        declared = get_proper_type(expr.node.type) if expr.node.type is not None else None
        return isinstance(declared, Instance) and any(
            declared.type.has_base(name) for name in _CONTEXT_CLASSES)
    return False


def context_first_signature(ctx: MethodSigContext, carried: set[str]) -> FunctionLike:
    """`greet(build_op_context(config={...}))` for `def greet(config: ...)`, or
    `my_sensor(build_sensor_context(resources={...}))`: a context given first to a function
    whose first parameter is not its context is the context (the runtime's rule, and
    Dagster's); its config and resources may stand for the parameters."""
    sig = ctx.default_signature
    any_t = AnyType(TypeOfAny.special_form)
    types: list[Type] = [any_t]
    kinds: list[ArgKind] = [ARG_POS]
    names: list[str | None] = [None]
    for name, kind, typ in zip(sig.arg_names, sig.arg_kinds, sig.arg_types):
        if name in CONTEXT_PARAM_NAMES:
            continue  # given first
        if name in carried and kind in (ARG_POS, ARG_NAMED):
            kind = ARG_OPT if kind == ARG_POS else ARG_NAMED_OPT
        types.append(typ)
        kinds.append(kind)
        names.append(name)
    return sig.copy_modified(arg_types=types, arg_kinds=kinds, arg_names=names)


def context_carried_signature(ctx: MethodSigContext) -> FunctionLike:
    """`greet(build_op_context(resources={...}, config=...))`: a context passed to a direct
    call may carry the resources and the config, so those parameters become optional.
    A `config` whose Config class has a default for every field is optional too: the runtime
    builds it from the defaults.

    dagwire's ParamSpec typing alone would demand them; the runtime takes them from the context.
    """
    sig = ctx.default_signature
    names = sig.arg_names
    d = definition_facts(ctx.type, "?")
    if not names or d is None:
        return sig
    api = ctx.api
    carried: set[str] = set()
    if (
        names[0] not in CONTEXT_PARAM_NAMES
        and ctx.args
        and ctx.args[0]
        and isinstance(api, CheckerApi)
        and ctx.default_signature.arg_kinds[0] == ARG_POS
        and is_context(ctx.args[0][0], api)
    ):
        carried = {r.key for r in d.requirements if r.source == "parameter"} | {"config"}
        return context_first_signature(ctx, carried)
    if (
        names[0] in CONTEXT_PARAM_NAMES
        and ctx.args
        and ctx.args[0]
        and not (isinstance(api, CheckerApi) and carries_nothing(ctx.args[0][0], api))
    ):
        carried = {r.key for r in d.requirements if r.source == "parameter"} | {"config"}
    if "config" in names and all_fields_have_defaults(
        sig.arg_types[names.index("config")]
    ):
        carried.add("config")
    if isinstance(api, CheckerApi):
        # reported by the plugin, naming the resource (not mypy's generic missing argument)
        carried |= _report_omitted_resources(ctx, d, carried, api)
    if not carried:
        return sig
    kinds = []
    for i, (name, kind) in enumerate(zip(names, sig.arg_kinds)):
        if name in carried and kind in (ARG_POS, ARG_NAMED):
            kind = ARG_OPT if kind == ARG_POS else ARG_NAMED_OPT
        kinds.append(kind)
    return sig.copy_modified(arg_kinds=kinds)


def _report_omitted_resources(
    ctx: MethodSigContext, d: Captured, carried: set[str], api: CheckerApi
) -> set[str]:
    """The required resource parameters a direct call passes nothing for: each is reported
    as the dagster mode reports it (`call_hook`), and left for the signature to make optional
    so that mypy does not report it again as a missing argument."""
    sig = ctx.default_signature
    call = ctx.context
    omitted = [
        (name, typ)
        for name, kind, typ, given in zip(sig.arg_names, sig.arg_kinds, sig.arg_types, ctx.args)
        if name is not None and name not in carried and kind in (ARG_POS, ARG_NAMED) and not given
    ]
    if not omitted or not isinstance(call, CallExpr):
        return set()
    resources = {r.key for r in d.requirements if r.source == "parameter"}
    omitted = [(name, typ) for name, typ in omitted if name in resources]
    callee = call.callee
    # the type does not say the definition's name: the called name does
    if not omitted or not isinstance(callee, (NameExpr, MemberExpr)):
        return set()
    if not isinstance(callee.node, Decorator):
        return set()
    label = Captured(d.kind, callee.node.name, d.framework).label
    for name, typ in omitted:
        api.fail(
            messages.missing_resource_arg(name, label, messages.fmt(typ, api.options)),
            call,
            code=error_codes.INVOCATION,
        )
    return {name for name, _ in omitted}


def all_fields_have_defaults(t: Type) -> bool:
    """A Config class (typed through dataclass_transform) whose every field has a default."""
    p = get_proper_type(t)
    if not isinstance(p, Instance):
        return False
    meta = p.type.metadata.get("dataclass")
    attrs = meta.get("attributes") if isinstance(meta, dict) else None
    if not isinstance(attrs, list):
        return False
    return all(isinstance(a, dict) and a.get("has_default") for a in attrs)
