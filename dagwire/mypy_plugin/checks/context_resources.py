"""`context.resources.<key>` in a function whose decorator declares `required_resource_keys`.

The attribute `context.resources` gets a namespace type whose declared keys are attributes
(typed from the decorator's `resource_defs=` or from a `Definitions(...)` of this module that
lists the function, when every candidate binding agrees on one class; else Any);
any other key reaches `SimpleNamespace.__getattribute__`, whose hook reports it.
"""

from __future__ import annotations

from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    Decorator,
    DictExpr,
    Expression,
    ExpressionStmt,
    ListExpr,
    MemberExpr,
    NameExpr,
    TupleExpr,
)
from mypy.plugin import AttributeContext
from mypy.types import AnyType, ExtraAttrs, Instance, ProperType, Type, TypeOfAny, get_proper_type

from dagwire.mypy_plugin import error_codes, messages
from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.names import call_kwargs, expr_type, resolve_ref, str_value
from dagwire.mypy_plugin.sources.resource_dicts import resolve_resources
from dagwire.mypy_plugin.tree_walk import collect_calls
from dagwire.mypy_plugin.type_helpers import (
    is_subclass_of,
    literal_strings,
    type_builder,
    unwrap_partial,
)
from dagwire.vocabulary.calls import REQUIRED_RESOURCE_KEYS, RESOURCE_DEFS

NAMESPACE = "types.SimpleNamespace"
UNDECLARED_HOOK_PREFIX = NAMESPACE + "."
OWNER = "__dagwire_resources_of__"


def _decorator(api: CheckerApi) -> Decorator | None:
    """The module-level Decorator node of the function being checked."""
    func = api.scope.top_level_function()
    if func is None:
        return None
    sym = api.globals.get(func.name)
    dec = sym.node if sym is not None else None
    if not isinstance(dec, Decorator) or dec.func is not func:
        return None
    return dec


def _declaring_call(fw: Framework, api: CheckerApi) -> tuple[CallExpr, str, str] | None:
    dec = _decorator(api)
    if dec is None:
        return None
    func = dec.func
    for expr in dec.decorators:
        if isinstance(expr, CallExpr):
            node = resolve_ref(expr.callee, api.tree, api)
            kind = fw.decorators.get(node.fullname) if node is not None else None
            if kind is not None and REQUIRED_RESOURCE_KEYS in call_kwargs(expr):
                name = str_value(call_kwargs(expr).get("name", expr)) or func.name
                return expr, kind, name
    return None


def _bound_type(call: CallExpr, key: str, fw: Framework, api: CheckerApi) -> ProperType | None:
    defs = call_kwargs(call).get(RESOURCE_DEFS)
    if isinstance(defs, DictExpr):
        for k, v in defs.items:
            if k is not None and str_value(k) == key:
                t = expr_type(v, api.tree, api)
                return unwrap_partial(t, fw) if t is not None else None
    return None


def _is_member(item: Expression, dec: Decorator, api: CheckerApi) -> bool:
    """`item` (an entry of a Definitions list) is `dec`, or a job whose body calls it."""
    node = resolve_ref(item, api.tree, api)
    if node is dec:
        return True
    if isinstance(node, Decorator):
        calls: list[CallExpr] = []
        collect_calls(node.func.body, calls)
        return any(
            isinstance(c.callee, NameExpr) and c.callee.node is dec for c in calls
        )
    return False


def _definitions_binding(
    key: str, dec: Decorator, fw: Framework, api: CheckerApi
) -> ProperType | None:
    """The class bound to `key` by this module's Definitions that list `dec` (all agree)."""
    found: list[ProperType | None] = []
    for stmt in api.tree.defs:
        call = stmt.rvalue if isinstance(stmt, AssignmentStmt) else (
            stmt.expr if isinstance(stmt, ExpressionStmt) else None
        )
        if not isinstance(call, CallExpr):
            continue
        node = resolve_ref(call.callee, api.tree, api)
        if node is None or node.fullname != fw.definitions:
            continue
        kwargs = call_kwargs(call)
        lists = [kwargs[k] for k in ("assets", "jobs", "sensors", "schedules") if k in kwargs]
        listed = any(
            isinstance(lst, (ListExpr, TupleExpr))
            and any(_is_member(i, dec, api) for i in lst.items)
            for lst in lists
        )
        if not listed:
            continue
        candidates = resolve_resources(kwargs["resources"], api.tree, api) if (
            "resources" in kwargs
        ) else None
        if candidates is None:
            return None
        for cand in candidates:
            t = cand.values.get(key)
            found.append(unwrap_partial(t, fw) if t is not None else None)
    if not found or any(t is None for t in found):
        return None
    first = found[0]
    if not isinstance(first, Instance) or any(t != first for t in found):
        return None
    if is_subclass_of(first, fw.opaque_resource_bases) and not is_subclass_of(
        first, fw.checkable_resource_bases
    ):
        return None  # a legacy definition or a factory: what the key holds is not known
    return first


def resources_hook(fw: Framework, ctx: AttributeContext) -> Type:
    api = ctx.api
    assert isinstance(api, CheckerApi)
    found = _declaring_call(fw, api)
    if found is None:
        return ctx.default_attr_type
    call, kind, name = found
    keys = literal_strings(call_kwargs(call)[REQUIRED_RESOURCE_KEYS])
    if keys is None:
        return ctx.default_attr_type
    attrs: dict[str, Type] = {}
    dec = _decorator(api)
    for key in keys:
        t = _bound_type(call, key, fw, api)
        if t is None and dec is not None:
            t = _definitions_binding(key, dec, fw, api)
        attrs[key] = t if isinstance(t, Instance) else AnyType(TypeOfAny.special_form)
    attrs[OWNER] = type_builder(api).lit(f'{kind} "{name}"')
    ns = api.named_type(NAMESPACE)
    ns = ns.copy_modified()
    ns.extra_attrs = ExtraAttrs(attrs, set(attrs), None)
    return ns


def undeclared_hook(ctx: AttributeContext) -> Type:
    t = get_proper_type(ctx.type)
    if not isinstance(t, Instance) or t.extra_attrs is None or OWNER not in t.extra_attrs.attrs:
        return ctx.default_attr_type
    owner = get_proper_type(t.extra_attrs.attrs[OWNER])
    if isinstance(ctx.context, MemberExpr) and ctx.context.name in t.extra_attrs.attrs:
        return t.extra_attrs.attrs[ctx.context.name]  # declared: mypy looks these up after us
    if isinstance(ctx.context, MemberExpr):
        label = getattr(owner, "value", "?")
        ctx.api.fail(
            messages.undeclared_resource(ctx.context.name, str(label)),
            ctx.context,
            code=error_codes.UNDECLARED_RESOURCE,
        )
    return AnyType(TypeOfAny.from_error)
