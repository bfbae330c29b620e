"""`Definitions.merge(a, b, ...)`: the parts are checked together, as dagster loads them.

Each part is followed to its `Definitions(...)` call (an argument, a module-level variable of
this or another module, or a nested merge). Parts that cannot be followed make the bindings
incomplete: nothing is then reported as unbound or unused. A merge of parts none of which has
`resources=` is not checked (like a single `Definitions(...)` without it).
"""

from __future__ import annotations

from mypy.nodes import CallExpr, Expression, MemberExpr, MypyFile, NameExpr, Var
from mypy.plugin import FunctionContext, MethodContext
from mypy.types import Type

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.definition_sources import (
    Definitions_,
    ResourceDict,
    _merge,
    resolve_resources,
)
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.partial_definitions import is_partial
from dagwire.mypy_plugin.resource_binding import check_binding, listed_definitions
from dagwire.mypy_plugin.settings import Settings
from dagwire.mypy_plugin.symbols import call_kwargs, resolve_ref, variable_initializer
from dagwire.vocabulary.calls import MERGE_METHODS, RESOURCES

MAX_DEPTH = 8


class _Parts:
    def __init__(self) -> None:
        self.calls: list[tuple[CallExpr, MypyFile]] = []
        self.complete = True


def _follow(
    expr: Expression, mod: MypyFile, fw: Framework, api: CheckerApi, parts: _Parts, depth: int
) -> None:
    if depth > MAX_DEPTH:
        parts.complete = False
        return
    if isinstance(expr, (NameExpr, MemberExpr)):
        node = resolve_ref(expr, mod, api)
        init = variable_initializer(node, api) if isinstance(node, Var) else None
        if init is None:
            parts.complete = False
            return
        _follow(init[0], init[1], fw, api, parts, depth + 1)
        return
    if isinstance(expr, CallExpr):
        callee = expr.callee
        node = resolve_ref(callee, mod, api)
        if node is not None and node.fullname == fw.definitions:
            parts.calls.append((expr, mod))
            return
        if isinstance(callee, MemberExpr) and callee.name in MERGE_METHODS:
            owner = resolve_ref(callee.expr, mod, api)
            if owner is not None and owner.fullname == fw.definitions:
                for arg in expr.args:
                    _follow(arg, mod, fw, api, parts, depth + 1)
                return
    parts.complete = False


def merge_hook(fw: Framework, settings: Settings, ctx: FunctionContext | MethodContext) -> Type:
    api = ctx.api
    assert isinstance(api, CheckerApi)
    call = ctx.context
    if not isinstance(call, CallExpr) or is_partial(call, fw.definitions, api):
        return ctx.default_return_type
    parts = _Parts()
    for arg in call.args:
        _follow(arg, api.tree, fw, api, parts, 0)
    candidates: list[ResourceDict] = [ResourceDict(complete=parts.complete)]
    listed = Definitions_(complete=parts.complete)
    any_resources = False
    for part, mod in parts.calls:
        kwargs = call_kwargs(part)
        if RESOURCES in kwargs:
            any_resources = True
            found = resolve_resources(kwargs[RESOURCES], mod, api)
            candidates = _merge(candidates, found or [ResourceDict(complete=False)])
        listed.extend(listed_definitions(kwargs, mod, api))
    if any_resources:
        # each part reports its own wrong types; the merge only what the parts bind together
        check_binding(
            fw, settings, api, call, candidates, listed.items, listed.complete,
            listed.local_keys, False,
        )
    return ctx.default_return_type
