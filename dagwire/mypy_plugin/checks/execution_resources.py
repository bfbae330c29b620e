"""`materialize([...], resources={...})` and `job.execute_in_process(resources={...})`.

In a test these run the definitions with exactly the resources given (and those the
definitions bind themselves): a missing key or a resource of the wrong class fails the run.
Checked like `Definitions(resources=...)`, minus the unused-key check (extra keys are harmless),
and only when `resources=` is given and every asset of the run is selected.
"""

from __future__ import annotations

from mypy.nodes import Expression
from mypy.plugin import FunctionContext, MethodContext

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.checks.binding import BindingSite, check_binding
from dagwire.mypy_plugin.facts.carrier import Captured
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.names import formal_args
from dagwire.mypy_plugin.sources.definition_lists import Listed, resolve_definitions
from dagwire.mypy_plugin.sources.resource_dicts import resolve_resources
from dagwire.vocabulary.calls import MATERIALIZE_ASSETS, RESOURCES


def check_materialize(fw: Framework, ctx: FunctionContext) -> None:
    api = ctx.api
    assert isinstance(api, CheckerApi)
    args = formal_args(ctx)
    if RESOURCES not in args or MATERIALIZE_ASSETS not in args or "selection" in args:
        return
    found = resolve_definitions(args[MATERIALIZE_ASSETS], api.tree, api)
    _check(fw, api, ctx, args[RESOURCES], found.items, "materialize(resources=...)")


def check_execute_in_process(fw: Framework, job: Captured, ctx: MethodContext) -> None:
    api = ctx.api
    assert isinstance(api, CheckerApi)
    args = formal_args(ctx)
    if RESOURCES not in args or "op_selection" in args or "asset_selection" in args:
        return
    _check(fw, api, ctx, args[RESOURCES], [job], "execute_in_process(resources=...)")


def _check(
    fw: Framework,
    api: CheckerApi,
    ctx: FunctionContext | MethodContext,
    resources: Expression,
    definitions: list[Captured],
    bound_in: str,
) -> None:
    candidates = resolve_resources(resources, api.tree, api)
    if candidates is None or not definitions:
        return
    listed = Listed(complete=False)  # no unused-key check: extra keys are harmless
    listed.items = definitions
    check_binding(BindingSite(ctx.context, fw, candidates, listed, bound_in=bound_in), api)
