"""The string a key expression is: a literal, a module-level constant, or an Enum member's
value (`Key.DB.value`, or `Key.DB` of a `str` Enum), read from this or another module.

Resource keys and deployment names are often written this way; anything else is not a
constant the checks may rely on (None).
"""

from __future__ import annotations

from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    ClassDef,
    Expression,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    SetExpr,
    Statement,
    TupleExpr,
    TypeInfo,
    Var,
)

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.names import fullname_of, module_of, resolve_ref, str_value
from dagwire.mypy_plugin.sources.cache_stamps import record_read
from dagwire.mypy_plugin.sources.module_source import module_tree, variable_initializer

MAX_DEPTH = 4


def constant_str(expr: Expression, mod: MypyFile, api: CheckerApi, depth: int = 0) -> str | None:
    value = str_value(expr)
    if value is not None or depth > MAX_DEPTH:
        return value
    if isinstance(expr, MemberExpr) and expr.name == "value":
        member = _enum_member(expr.expr, mod, api)
        return _member_value(*member, api) if member is not None else None
    if not isinstance(expr, (NameExpr, MemberExpr)):
        return None
    member = _enum_member(expr, mod, api)
    if member is not None:
        info, _ = member
        # a `str` Enum member is a str equal to its value
        return _member_value(*member, api) if info.has_base("builtins.str") else None
    node = resolve_ref(expr, mod, api)
    if not isinstance(node, Var):
        return None
    if isinstance(node.final_value, str):
        return node.final_value
    init = variable_initializer(node, api)
    return constant_str(init[0], init[1], api, depth + 1) if init is not None else None


def _enum_member(expr: Expression, mod: MypyFile, api: CheckerApi) -> tuple[TypeInfo, str] | None:
    """`Key.DB` -> (the Enum class `Key`, "DB")."""
    if not isinstance(expr, MemberExpr):
        return None
    owner = resolve_ref(expr.expr, mod, api)
    if isinstance(owner, TypeInfo) and owner.is_enum and expr.name in owner.names:
        return owner, expr.name
    return None


def _member_value(info: TypeInfo, member: str, api: CheckerApi) -> str | None:
    """The string assigned to `member` in the class body of Enum `info`."""
    body = info.defn.defs.body
    if not body:  # the statements of another module: read its source
        home = module_of(info.fullname, api)
        tree = module_tree(home, api) if home is not None else None
        if home is None or tree is None:
            return None
        record_read(api.tree, home)
        body = _class_body(tree, info.name)
    found = None
    for stmt in body:
        if isinstance(stmt, AssignmentStmt) and any(
            isinstance(lv, NameExpr) and lv.name == member for lv in stmt.lvalues
        ):
            found = str_value(stmt.rvalue)
    return found


def _class_body(tree: MypyFile, name: str) -> list[Statement]:
    for stmt in tree.defs:
        if isinstance(stmt, ClassDef) and stmt.name == name:
            return list(stmt.defs.body)
    return []


def constant_strs(expr: Expression, mod: MypyFile, api: CheckerApi) -> list[str] | None:
    """The strings of a set, list or tuple display of constants (`{"db", Key.CACHE.value}`),
    or of `set()`; None when one of them is not a constant."""
    if isinstance(expr, (SetExpr, ListExpr, TupleExpr)):
        values = [constant_str(item, mod, api) for item in expr.items]
        return [v for v in values if v is not None] if None not in values else None
    if (
        isinstance(expr, CallExpr)
        and not expr.args
        and fullname_of(expr.callee, mod, api) in ("builtins.set", "builtins.frozenset")
    ):
        return []
    if isinstance(expr, (NameExpr, MemberExpr)):
        node = resolve_ref(expr, mod, api)
        init = variable_initializer(node, api) if isinstance(node, Var) else None
        if init is not None and not isinstance(init[0], (NameExpr, MemberExpr)):
            return constant_strs(init[0], init[1], api)
    return None
