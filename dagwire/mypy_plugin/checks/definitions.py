"""`Definitions(...)`: every key its definitions require is bound in its `resources=`.

A part (sources/parts.py) is checked only for wrong classes: another part may bind the rest.
A `Definitions(...)` without `resources=` binds nothing: it is checked where dagster loads it
as a code location (a module-level value, or what a top-level `@definitions` function
returns), and is otherwise taken as a part built for a merge.
"""

from __future__ import annotations

from mypy.nodes import ARG_STAR, ARG_STAR2, CallExpr, FuncDef
from mypy.plugin import FunctionContext

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.checks.binding import BindingSite, check_binding
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.names import formal_args
from dagwire.mypy_plugin.settings import Settings
from dagwire.mypy_plugin.sources.definition_lists import listed_definitions
from dagwire.mypy_plugin.sources.local_values import Scope
from dagwire.mypy_plugin.sources.namespace_builder import namespace_kept
from dagwire.mypy_plugin.sources.parts import is_location, is_partial
from dagwire.mypy_plugin.sources.resource_dicts import ResourceDict, resolve_resources
from dagwire.mypy_plugin.sources.splatted_arguments import splatted_arguments
from dagwire.vocabulary.calls import RESOURCES


def check_definitions(fw: Framework, settings: Settings, ctx: FunctionContext) -> None:
    api = ctx.api
    assert isinstance(api, CheckerApi)
    call = ctx.context
    if not isinstance(call, CallExpr):
        return
    mod = api.tree
    args = formal_args(ctx)
    kept = None
    resources_mod = mod
    if any(k in (ARG_STAR, ARG_STAR2) for k in call.arg_kinds):
        # `Definitions(**collect(globals()))`: what the builder keeps of the namespace
        kept = namespace_kept(call, mod, api)
        if kept is not None:
            args = dict(kept.arguments)
            if kept.resources is not None:
                args[RESOURCES], resources_mod = kept.resources
        else:
            # `Definitions(**build_arguments())`: followed when the builder returns a dict
            splatted = splatted_arguments(call, mod, api)
            if splatted is None:
                return  # `Definitions(**parts)`: what it lists and binds is not known
            args, mod = splatted
            resources_mod = mod
    if RESOURCES in args:
        candidates = resolve_resources(args[RESOURCES], resources_mod, api)
        if candidates is None:
            return
        if is_partial(call, fw, api):
            for cand in candidates:
                cand.complete = False  # a part of a merge: other parts may bind the rest
    elif is_location(call, fw, api) and not is_partial(call, fw, api):
        candidates = [ResourceDict()]  # binds nothing
    else:
        return  # a part built for a merge
    listed = listed_definitions(args, mod, api, _enclosing_scope(api) if mod is api.tree else None)
    if kept is not None:
        listed.extend(kept.listed)
    site = BindingSite(call, fw, candidates, listed, check_unused=settings.warn_unused_resources)
    check_binding(site, api)


def _enclosing_scope(api: CheckerApi) -> Scope | None:
    """The function whose body is being checked (its own names are followed where its
    `Definitions(...)` lists them); None at module level."""
    stack = getattr(api.scope, "stack", None)
    func = stack[-1] if isinstance(stack, list) and stack else None
    if isinstance(func, FuncDef) and func.body.body:
        return Scope(api.tree, func, func.body.body)
    return None
