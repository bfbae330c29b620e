"""Small type helpers shared by the checks."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from mypy.nodes import CallExpr, Expression, ListExpr, RefExpr, SetExpr, TupleExpr
from mypy.types import Instance, ProperType

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.captured import TypeBuilder
from dagwire.mypy_plugin.symbols import str_value


_BUILDERS: WeakKeyDictionary[CheckerApi, TypeBuilder] = WeakKeyDictionary()


def type_builder(api: CheckerApi) -> TypeBuilder:
    # One per checker (one module's check): only saves repeated builtins lookups.
    tb = _BUILDERS.get(api)
    if tb is None:
        tb = TypeBuilder(
            api.named_type("builtins.str"),
            api.named_type("builtins.bool"),
            api.named_generic_type("builtins.tuple", [api.named_type("builtins.object")]),
        )
        _BUILDERS[api] = tb
    return tb


def is_subclass_of(t: ProperType, fullnames: tuple[str, ...]) -> bool:
    return isinstance(t, Instance) and any(t.type.has_base(name) for name in fullnames)


def literal_strings(expr: Expression) -> list[str] | None:
    if isinstance(expr, (SetExpr, ListExpr, TupleExpr)):
        values = [str_value(i) for i in expr.items]
        if all(v is not None for v in values):
            return [v for v in values if v is not None]
    if isinstance(expr, CallExpr) and isinstance(expr.callee, RefExpr):
        if expr.callee.fullname in ("builtins.set", "builtins.frozenset") and not expr.args:
            return []
    return None
