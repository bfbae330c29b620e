"""`with_resources(definitions, resource_defs)` standing by itself: every key its assets require
is bound in its `resource_defs`.

dagster checks the keys when `with_resources` is called and raises there, whatever binds the
result later. A call that is a statement's value (`orders_local, refunds_local =
with_resources(...)`) is checked here; one written inside a `Definitions(...)` or a
repository's list is checked by that binding site (`sources/definition_lists.py`), which
takes the keys it binds as bound.
"""

from __future__ import annotations

from mypy.nodes import ARG_STAR, ARG_STAR2, CallExpr
from mypy.plugin import FunctionContext

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.checks.binding import BindingSite, check_binding
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.names import formal_args
from dagwire.mypy_plugin.sources.definition_lists import Listed, resolve_definitions
from dagwire.mypy_plugin.sources.resource_dicts import resolve_resources
from dagwire.mypy_plugin.sources.standalone_calls import is_statement_value
from dagwire.vocabulary.calls import WITH_RESOURCES_DEFINITIONS, WITH_RESOURCES_RESOURCES

BOUND_IN = f"with_resources({WITH_RESOURCES_RESOURCES}=...)"  # how messages name the site


def check_with_resources(fw: Framework, ctx: FunctionContext) -> None:
    api = ctx.api
    assert isinstance(api, CheckerApi)
    call = ctx.context
    if not isinstance(call, CallExpr) or any(k in (ARG_STAR, ARG_STAR2) for k in call.arg_kinds):
        return
    args = formal_args(ctx)
    listed_expr = args.get(WITH_RESOURCES_DEFINITIONS)
    resources = args.get(WITH_RESOURCES_RESOURCES)
    if listed_expr is None or resources is None or not is_statement_value(call, api):
        return
    candidates = resolve_resources(resources, api.tree, api)
    if candidates is None:
        return
    found = resolve_definitions(listed_expr, api.tree, api)
    if not found.items:
        return
    listed = Listed(complete=False)  # no unused-key check: extra keys are harmless
    listed.items = found.items
    listed.local_keys = found.local_keys
    check_binding(BindingSite(call, fw, candidates, listed, bound_in=BOUND_IN), api)
