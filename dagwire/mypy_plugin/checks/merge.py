"""`Definitions.merge(a, b, ...)`: the parts are checked together, as dagster loads them.

A merge of parts none of which has `resources=` is not checked (like a single
`Definitions(...)` without it); a merge that is itself a part of another is not checked.
"""

from __future__ import annotations

from mypy.nodes import CallExpr
from mypy.plugin import MethodContext

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.checks.binding import BindingSite, check_binding
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.settings import Settings
from dagwire.mypy_plugin.sources.code_location import merged_whole
from dagwire.mypy_plugin.sources.parts import is_partial


def check_merge(fw: Framework, settings: Settings, ctx: MethodContext) -> None:
    api = ctx.api
    assert isinstance(api, CheckerApi)
    call = ctx.context
    if not isinstance(call, CallExpr) or is_partial(call, fw.definitions, api):
        return
    whole = merged_whole(call, fw, api)
    if whole.any_resources:
        # each part reports its own wrong types; the merge only what the parts bind together
        site = BindingSite(
            call, fw, whole.candidates, whole.listed, check_types=False,
            check_unused=settings.warn_unused_resources,
        )
        check_binding(site, api)
