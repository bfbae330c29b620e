"""`materialize([...], resources={...})` and `job.execute_in_process(resources={...})`.

In a test these run the definitions with exactly the resources given (and those the
definitions bind themselves): a missing key or a resource of the wrong class fails the run.
Checked like `Definitions(resources=...)`, minus the unused-key check (extra keys are harmless),
and only when every asset of the run is selected. `materialize(...)` binds every listed
asset's keys, whatever `selection=` picks; without `resources=` it binds nothing (dagster
fails the same way), and a `**options` beside an explicit `resources=` cannot bind more.
`execute_in_process` is checked only when `resources=` is given (a job may bind its own).
"""

from __future__ import annotations

from mypy.nodes import ARG_STAR2, CallExpr, Expression
from mypy.plugin import FunctionContext, MethodContext

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.checks.binding import BindingSite, check_binding
from dagwire.mypy_plugin.facts.carrier import Captured, with_local_keys
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.names import formal_args
from dagwire.mypy_plugin.sources.definition_lists import Listed, resolve_definitions
from dagwire.mypy_plugin.sources.resource_dicts import ResourceDict, resolve_resources
from dagwire.vocabulary.calls import IO_MANAGER_KEY, MATERIALIZE_ASSETS, RESOURCES
from dagwire.vocabulary.names import MATERIALIZE, MATERIALIZE_TO_MEMORY


def check_materialize(fw: Framework, in_memory: bool, ctx: FunctionContext) -> None:
    """`materialize([...])` / `materialize_to_memory([...])`: without `resources=` the run
    binds nothing but the default IO manager; `materialize_to_memory` binds every IO manager
    key in memory (not input managers)."""
    api = ctx.api
    assert isinstance(api, CheckerApi)
    args = formal_args(ctx)
    call = ctx.context
    if (
        MATERIALIZE_ASSETS not in args
        or not isinstance(call, CallExpr)
        or (ARG_STAR2 in call.arg_kinds and RESOURCES not in call.arg_names)
    ):
        return
    found = resolve_definitions(args[MATERIALIZE_ASSETS], api.tree, api)
    items = [_io_managers_bound(d) for d in found.items] if in_memory else found.items
    name = MATERIALIZE_TO_MEMORY if in_memory else MATERIALIZE
    _check(fw, api, ctx, args.get(RESOURCES), items, f"{name}(resources=...)")


def _io_managers_bound(d: Captured) -> Captured:
    """`d` with its IO manager keys (and its ops') bound."""
    io_keys = [r.key for r in d.requirements if r.source == IO_MANAGER_KEY]
    return with_local_keys(d, io_keys, [(node, _io_managers_bound(op)) for node, op in d.ops])


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
    resources: Expression | None,  # None: not given, nothing bound
    definitions: list[Captured],
    bound_in: str,
) -> None:
    candidates = (
        resolve_resources(resources, api.tree, api) if resources is not None else [ResourceDict()]
    )
    if candidates is None or not definitions:
        return
    listed = Listed(complete=False)  # no unused-key check: extra keys are harmless
    listed.items = definitions
    check_binding(BindingSite(ctx.context, fw, candidates, listed, bound_in=bound_in), api)
