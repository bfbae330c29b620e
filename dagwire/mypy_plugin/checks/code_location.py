"""A code location put together from parts, checked as dagster loads it: `Definitions.merge(
...)`, `load_from_defs_folder(...)` and `load_defs(...)` (sources/code_location.py).

Each part reports its own wrong classes (checks/definitions.py); the whole reports what the
parts bind together. A whole that is itself a part of another is not checked; a defs folder
loader, and a merge none of whose parts has `resources=`, are checked only where dagster loads
them (a module-level value or what a top-level `@definitions` function returns).
"""

from __future__ import annotations

from mypy.nodes import CallExpr, Decorator, ReturnStmt
from mypy.plugin import FunctionContext, MethodContext

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.checks.binding import BindingSite, check_binding
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.settings import Settings
from dagwire.mypy_plugin.sources.code_location import assembled
from dagwire.mypy_plugin.sources.parts import is_location, is_partial


def check_merge(fw: Framework, settings: Settings, ctx: MethodContext) -> None:
    _check_whole(fw, settings, ctx, location_only=False)


def check_defs_folder(fw: Framework, settings: Settings, ctx: FunctionContext) -> None:
    # A loaded folder kept in a local variable may still be merged or changed before it is
    # returned: checked only where it is the location itself.
    _check_whole(fw, settings, ctx, location_only=True)


def check_definitions_function(fw: Framework, settings: Settings, ctx: FunctionContext) -> None:
    """`@definitions def defs(): return load_defs(...)` without annotations: mypy does not
    check the body of such a function, so the calls in it reach no hook. What its last
    statement returns is checked here, where the decorator is applied, as the location."""
    api = ctx.api
    assert isinstance(api, CheckerApi)
    dec = ctx.context
    if (
        not isinstance(dec, Decorator)
        or not dec.func.is_dynamic()
        or api.options.check_untyped_defs
        or api.scope.top_level_function() is not None  # only a module's own function loads
    ):
        return
    body = dec.func.body.body
    returned = body[-1].expr if body and isinstance(body[-1], ReturnStmt) else None
    if not isinstance(returned, CallExpr) or is_partial(returned, fw, api):
        return
    whole = assembled(returned, fw, api)
    site = BindingSite(
        returned, fw, whole.candidates, whole.listed, check_types=False,
        check_unused=settings.warn_unused_resources,
    )
    check_binding(site, api)


def _check_whole(
    fw: Framework,
    settings: Settings,
    ctx: FunctionContext | MethodContext,
    location_only: bool,
) -> None:
    api = ctx.api
    assert isinstance(api, CheckerApi)
    call = ctx.context
    if not isinstance(call, CallExpr) or is_partial(call, fw, api):
        return
    if location_only and not is_location(call, fw, api):
        return
    whole = assembled(call, fw, api)
    if not whole.any_resources and not is_location(call, fw, api):
        return
    site = BindingSite(
        call, fw, whole.candidates, whole.listed, check_types=False,
        check_unused=settings.warn_unused_resources,
    )
    check_binding(site, api)
