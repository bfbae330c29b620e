"""`context.resources.<key>` in a function whose decorator declares `required_resource_keys`.

The attribute `context.resources` gets a namespace type whose declared keys are attributes
(typed from the binding when this module's own code says which class is bound, else Any);
any other key reaches `SimpleNamespace.__getattribute__`, whose hook reports it.
"""

from __future__ import annotations

from mypy.nodes import CallExpr, Decorator, DictExpr, MemberExpr
from mypy.plugin import AttributeContext
from mypy.types import AnyType, ExtraAttrs, Instance, ProperType, Type, TypeOfAny, get_proper_type

from dagwire.mypy_plugin import error_codes, messages
from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.type_helpers import literal_strings, type_builder
from dagwire.mypy_plugin.definition_sources import expr_type
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.resource_binding import unwrap_partial
from dagwire.mypy_plugin.symbols import call_kwargs, resolve_ref, str_value

NAMESPACE = "types.SimpleNamespace"
UNDECLARED_HOOK_PREFIX = NAMESPACE + "."
OWNER = "__dagwire_resources_of__"


def _declaring_call(fw: Framework, api: CheckerApi) -> tuple[CallExpr, str, str] | None:
    func = api.scope.top_level_function()
    if func is None:
        return None
    sym = api.globals.get(func.name)
    dec = sym.node if sym is not None else None
    if not isinstance(dec, Decorator) or dec.func is not func:
        return None
    for expr in dec.decorators:
        if isinstance(expr, CallExpr):
            node = resolve_ref(expr.callee, api.tree, api)
            kind = fw.decorators.get(node.fullname) if node is not None else None
            if kind is not None and "required_resource_keys" in call_kwargs(expr):
                name = str_value(call_kwargs(expr).get("name", expr)) or func.name
                return expr, kind, name
    return None


def _bound_type(call: CallExpr, key: str, fw: Framework, api: CheckerApi) -> ProperType | None:
    defs = call_kwargs(call).get("resource_defs")
    if isinstance(defs, DictExpr):
        for k, v in defs.items:
            if k is not None and str_value(k) == key:
                t = expr_type(v, api.tree, api)
                return unwrap_partial(t, fw) if t is not None else None
    return None


def resources_hook(fw: Framework, ctx: AttributeContext) -> Type:
    api = ctx.api
    assert isinstance(api, CheckerApi)
    found = _declaring_call(fw, api)
    if found is None:
        return ctx.default_attr_type
    call, kind, name = found
    keys = literal_strings(call_kwargs(call)["required_resource_keys"])
    if keys is None:
        return ctx.default_attr_type
    attrs: dict[str, Type] = {}
    for key in keys:
        t = _bound_type(call, key, fw, api)
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
