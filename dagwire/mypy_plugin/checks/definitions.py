"""`Definitions(...)`: every key its definitions require is bound in its `resources=`.

A `Definitions(...)` without `resources=` is taken as a part merged elsewhere and is not
checked; one that is a part (`sources/parts.py`) is checked only for wrong classes: another
part may bind the rest.
"""

from __future__ import annotations

from mypy.plugin import FunctionContext

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.checks.binding import BindingSite, check_binding
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.names import formal_args
from dagwire.mypy_plugin.settings import Settings
from dagwire.mypy_plugin.sources.definition_lists import listed_definitions
from dagwire.mypy_plugin.sources.parts import is_partial
from dagwire.mypy_plugin.sources.resource_dicts import resolve_resources
from dagwire.vocabulary.calls import RESOURCES


def check_definitions(fw: Framework, settings: Settings, ctx: FunctionContext) -> None:
    api = ctx.api
    assert isinstance(api, CheckerApi)
    mod = api.tree
    args = formal_args(ctx)
    if RESOURCES not in args:
        return  # a partial Definitions (for merge): not checked
    candidates = resolve_resources(args[RESOURCES], mod, api)
    if candidates is None:
        return
    if is_partial(ctx.context, fw.definitions, api):
        for cand in candidates:
            cand.complete = False  # a part of a merge: other parts may bind the rest
    listed = listed_definitions(args, mod, api)
    site = BindingSite(
        ctx.context, fw, candidates, listed, check_unused=settings.warn_unused_resources
    )
    check_binding(site, api)
