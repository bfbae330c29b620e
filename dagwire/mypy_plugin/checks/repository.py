"""`@repository`: the definitions a repository function returns must bind their own keys.

A repository binds no resources of its own: jobs bring their `resource_defs=`, assets theirs
or `with_resources(...)`'s. The function's returned list is read like a `Definitions` list
(a dict-shaped repository, or another shape of body, is not read).
"""

from __future__ import annotations

from mypy.nodes import CallExpr, Decorator, Expression, ReturnStmt
from mypy.plugin import FunctionContext, MethodContext

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.checks.binding import BindingSite, check_binding
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.names import call_kwargs, fullname_of, str_value
from dagwire.mypy_plugin.sources.definition_lists import resolve_definitions
from dagwire.mypy_plugin.sources.resource_dicts import ResourceDict

REPOSITORY = "repository"  # the kind of decoration (vocabulary.names.DECORATORS)
# `@repository(_top_level_resources={...})`: bindings of its own, not read
OWN_RESOURCES = "_top_level_resources"


def check_repository(fw: Framework, ctx: FunctionContext | MethodContext) -> None:
    api = ctx.api
    assert isinstance(api, CheckerApi)
    dec = ctx.context
    if not isinstance(dec, Decorator):
        return
    marker = _repository_decorator(dec, fw, api)
    body = dec.func.body.body
    if marker is None or not body or not isinstance(body[-1], ReturnStmt):
        return
    returned = body[-1].expr
    if returned is None or any(isinstance(stmt, ReturnStmt) for stmt in body[:-1]):
        return
    name = dec.func.name
    if isinstance(marker, CallExpr):
        kwargs = call_kwargs(marker)
        if OWN_RESOURCES in kwargs:
            return
        name = (str_value(kwargs["name"]) if "name" in kwargs else None) or name
    listed = resolve_definitions(returned, api.tree, api)
    site = BindingSite(marker, fw, [ResourceDict()], listed, bound_in=f'@repository "{name}"')
    check_binding(site, api)


def _repository_decorator(dec: Decorator, fw: Framework, api: CheckerApi) -> Expression | None:
    """The `@repository` (or `@repository(...)`) expression among the decorators."""
    for expr in dec.decorators:
        target = expr.callee if isinstance(expr, CallExpr) else expr
        if fw.decorators.get(fullname_of(target, api.tree, api)) == REPOSITORY:
            return expr
    return None
