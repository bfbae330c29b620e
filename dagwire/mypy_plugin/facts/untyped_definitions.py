"""Module-level definitions whose type is `Any`: no decorator hook recorded what they require.

Two shapes end there, and a definition typed as usual never does:
- an integration library's decorator mypy cannot see (`@dbt_assets(...)`: integration_assets.py);
- a framework decorator call mypy rejected. dagster annotates `@asset(kinds=...)` as a set but
  makes a set of whatever it is given, so `@asset(kinds=["duckdb"])` runs; mypy finds no
  overload of `asset` that takes a list, reports its own `call-overload` error, and types the
  call, and with it the decorated function, `Any`. Any argument mypy rejects does the same to
  an overloaded decorator (`asset`, `op`, `graph_asset`, `job`, `graph`, ...). The function
  and its decorator are then read as a factory's definition is (factory_made.py: its analysed
  signature, or its module's source when mypy's cache holds only its symbols), so what it
  requires is still known; mypy's error stays the only report of the rejected argument.
  Only assets, asset checks and ops are read this way (a job's facts come from its body).
"""

from __future__ import annotations

from mypy.nodes import CallExpr, Decorator, SymbolNode

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.facts.carrier import Captured
from dagwire.mypy_plugin.facts.factory_made import factory_made_facts, framework_kind
from dagwire.mypy_plugin.facts.integration_assets import decorated_source, integration_asset
from dagwire.mypy_plugin.names import resolve_ref


def untyped_definition(node: SymbolNode | None, api: CheckerApi) -> Captured | None:
    """The facts of a module-level decorated function of type `Any`; None when it is no
    definition read this way (and for every function typed as usual)."""
    found = decorated_source(node, api)
    if found is None:
        return None
    assert isinstance(node, Decorator)
    integration = integration_asset(node, found, api)
    if integration is not None:
        return integration
    decorators = found.source.decorators
    if len(decorators) != 1:
        return None  # wrapped by another decorator too
    expr = decorators[0]
    callee = resolve_ref(expr.callee if isinstance(expr, CallExpr) else expr, found.home, api)
    if callee is None or framework_kind(callee.fullname) is None:
        return None
    return factory_made_facts(found.source, (), found.home, api)
