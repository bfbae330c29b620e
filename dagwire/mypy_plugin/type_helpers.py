"""Small type helpers shared by the checks."""

from __future__ import annotations

from weakref import ref

from mypy.nodes import CallExpr, Expression, ListExpr, RefExpr, SetExpr, TupleExpr
from mypy.types import Instance, LiteralType, ProperType, TupleType, Type, get_proper_type

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.names import str_value


class TypeBuilder:
    """Builds the small types used as storage; needs `named_type` of a checker API."""

    def __init__(self, str_type: Instance, tuple_type: Instance) -> None:
        self.str_type = str_type
        self.tuple_type = tuple_type

    def lit(self, value: str) -> LiteralType:
        return LiteralType(value, self.str_type)

    def tup(self, items: list[Type]) -> TupleType:
        return TupleType(items, self.tuple_type)


# The builder of the checker seen last: hooks run module by module, one checker each.
# A weak reference, so that a finished checker (and its module) is not kept alive.
_last: tuple[ref[CheckerApi], TypeBuilder] | None = None


def type_builder(api: CheckerApi) -> TypeBuilder:
    """Builtin types for storage, looked up once per checker, not once per definition."""
    global _last
    if _last is not None and _last[0]() is api:
        return _last[1]
    tb = TypeBuilder(
        api.named_type("builtins.str"),
        api.named_generic_type("builtins.tuple", [api.named_type("builtins.object")]),
    )
    _last = (ref(api), tb)
    return tb


def is_subclass_of(t: ProperType, fullnames: tuple[str, ...]) -> bool:
    if not isinstance(t, Instance):
        return False
    info = t.type
    for name in fullnames:
        if info.has_base(name):
            return True
    return False


def literal_strings(expr: Expression) -> list[str] | None:
    if isinstance(expr, (SetExpr, ListExpr, TupleExpr)):
        values = [str_value(i) for i in expr.items]
        if all(v is not None for v in values):
            return [v for v in values if v is not None]
    if isinstance(expr, CallExpr) and isinstance(expr.callee, RefExpr):
        if expr.callee.fullname in ("builtins.set", "builtins.frozenset") and not expr.args:
            return []
    return None


def unwrap_partial(t: ProperType, fw: Framework) -> ProperType:
    """`X.configure_at_launch()` is a `PartialResource[X]`: it counts as an `X`."""
    if isinstance(t, Instance) and t.type.fullname == fw.partial_resource and t.args:
        return get_proper_type(t.args[0])
    return t
