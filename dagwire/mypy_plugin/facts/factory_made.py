"""What a definition made inside a project's factory function requires.

`def table_asset(name): @asset(name=name) def _table(db: Db) ...; return _table`: mypy 2
checks a module's top level before its function bodies, so when `Definitions(...)` is
checked the decorator hook has not run for `_table` and its type carries no facts. Semantic
analysis has run for the whole module though: the inner function's signature and its
decorator's arguments are analysed, and the facts are read from them as the hook would.

A decorator argument that reads a name of the factory (`name=name`, `required_resource_keys=
keys`) has a value per call: when it names the definition, its op name is not known; when it
says what the definition requires, its requirements are not known (no finding relies on them).
"""

from __future__ import annotations

from collections.abc import Collection

from mypy.nodes import CallExpr, Decorator, Expression, NameExpr
from mypy.server.subexpr import get_subexpressions
from mypy.types import CallableType

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.facts.capture import CAPTURED_ARGUMENTS, capture_own
from dagwire.mypy_plugin.facts.carrier import Captured, decode
from dagwire.mypy_plugin.frameworks import ALL_FRAMEWORKS
from dagwire.mypy_plugin.names import resolve_ref

# Kinds a factory's definition is read for: their facts come from the signature and the
# decorator alone (a job's come from its body, a sensor's from its targets).
FACTORY_KINDS = frozenset({"asset", "asset_check", "op"})
# Decorator arguments that name the definition (and so its op).
NAMING_ARGUMENTS = frozenset({"name", "key", "key_prefix"})


def factory_made_facts(
    dec: Decorator, factory_names: Collection[str], api: CheckerApi
) -> Captured | None:
    """The facts of `dec`, a decorated function defined in the body of a factory of the
    module being checked whose own names are `factory_names`; None when it is no definition
    the plugin reads this way."""
    stored = decode(dec.var.type)
    if stored is not None:
        return stored  # its body was checked already: what the hook recorded
    fn = dec.func.type
    if not isinstance(fn, CallableType) or len(dec.decorators) != 1:
        return None  # unannotated, or wrapped by another decorator too
    expr = dec.decorators[0]
    node = resolve_ref(expr.callee if isinstance(expr, CallExpr) else expr, api.tree, api)
    if node is None:
        return None
    for fw in ALL_FRAMEWORKS.values():
        kind = fw.decorators.get(node.fullname)
        if kind is not None:
            break
    else:
        return None
    if kind not in FACTORY_KINDS:
        return None
    call = expr if isinstance(expr, CallExpr) else None
    captured, kwargs = capture_own(fw, kind, fn, dec, call, api)
    for name, value in kwargs.items():
        if name in CAPTURED_ARGUMENTS and _reads(value, factory_names):
            if name in NAMING_ARGUMENTS:
                captured.ops_complete = False  # "its op name is not known"
            else:
                captured.requirements_complete = False
    return captured


def _reads(expr: Expression, names: Collection[str]) -> bool:
    return any(
        isinstance(e, NameExpr) and e.name in names for e in (expr, *get_subexpressions(expr))
    )
