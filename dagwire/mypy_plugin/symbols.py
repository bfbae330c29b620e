"""Resolve names and module-level variables across modules, without importing user code.

The current module has its tree; mypy frees the statements of other modules once checked,
and a module loaded from the cache has only its symbol table: their source is parsed (not
analysed) to find a variable's initialiser, and names are then looked up in the cached
symbol table.
"""

from __future__ import annotations

from mypy.errors import Errors
from mypy.nodes import (
    AssignmentStmt,
    Block,
    DelStmt,
    ExpressionStmt,
    ForStmt,
    IfStmt,
    IndexExpr,
    ListExpr,
    OperatorAssignmentStmt,
    StarExpr,
    Statement,
    TryStmt,
    TupleExpr,
    WhileStmt,
    WithStmt,
    CallExpr,
    Decorator,
    Expression,
    FuncDef,
    MemberExpr,
    MypyFile,
    NameExpr,
    OverloadedFuncDef,
    RefExpr,
    StrExpr,
    SymbolNode,
    TypeInfo,
    Var,
)
from mypy.types import Type

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.statement_reads import record_read


def module_of(fullname: str, api: CheckerApi) -> MypyFile | None:
    """The module that defines `fullname` (longest module prefix)."""
    parts = fullname.split(".")
    for i in range(len(parts) - 1, 0, -1):
        mod = api.modules.get(".".join(parts[:i]))
        if mod is not None:
            return mod
    return None


def module_tree(mod: MypyFile, api: CheckerApi) -> MypyFile | None:
    """A tree with statements for `mod`: its own, or a fresh parse of its source."""
    if mod.defs:
        return mod
    if not mod.path or not mod.path.endswith(".py"):
        return None
    try:
        with open(mod.path, "rb") as f:
            source = f.read()
        # The classic parser: eager on every supported mypy (the native one may defer).
        from mypy.fastparse import parse

        options = api.options
        return parse(
            source, fnam=mod.path, module=mod.fullname, errors=Errors(options), options=options
        )
    except Exception:  # unreadable or unparsable: cannot check
        return None


def lookup_in_module(mod: MypyFile, name: str, api: CheckerApi) -> SymbolNode | None:
    sym = mod.names.get(name)
    if sym is None:
        builtins = api.modules.get("builtins")
        sym = builtins.names.get(name) if builtins is not None else None
    return sym.node if sym is not None else None


def resolve_ref(expr: Expression, mod: MypyFile, api: CheckerApi) -> SymbolNode | None:
    """The node a name or dotted name refers to, from `mod`'s point of view."""
    if isinstance(expr, RefExpr) and expr.node is not None:
        return expr.node
    if isinstance(expr, NameExpr):
        return lookup_in_module(mod, expr.name, api)
    if isinstance(expr, MemberExpr):
        base = resolve_ref(expr.expr, mod, api)
        if isinstance(base, MypyFile):
            return lookup_in_module(base, expr.name, api)
        if isinstance(base, TypeInfo):
            sym = base.get(expr.name)
            return sym.node if sym is not None else None
    return None


def node_type(node: SymbolNode | None) -> Type | None:
    if isinstance(node, Decorator):
        return node.var.type
    if isinstance(node, Var):
        return node.type
    if isinstance(node, (FuncDef, OverloadedFuncDef)):
        return node.type
    return None


def variable_initializer(var: Var, api: CheckerApi) -> tuple[Expression, MypyFile] | None:
    """The expression last assigned to module-level `var` at module level, with its module."""
    mod = module_of(var.fullname, api)
    if mod is None or var.fullname != f"{mod.fullname}.{var.name}":
        return None  # not a module-level variable
    record_read(api.tree, mod)  # its value may change while its type does not
    tree = module_tree(mod, api)
    if tree is None:
        return None
    found: AssignmentStmt | None = None
    for stmt in tree.defs:
        if isinstance(stmt, AssignmentStmt):
            for lv in stmt.lvalues:
                if isinstance(lv, NameExpr) and lv.name == var.name:
                    found = stmt
    if found is None or changed_elsewhere(tree.defs, var.name, found):
        return None
    return found.rvalue, mod


# Methods that change a list or dict in place: `resources.update(...)`, `assets.append(x)`.
MUTATING_METHODS = frozenset(
    {"update", "setdefault", "pop", "popitem", "clear", "append", "extend", "insert", "remove"}
)


def _names_target(expr: Expression, name: str) -> bool:
    """`expr` (an assignment target) is `name`, `name[...]`, or contains one of them."""
    if isinstance(expr, NameExpr):
        return expr.name == name
    if isinstance(expr, IndexExpr):
        return isinstance(expr.base, NameExpr) and expr.base.name == name
    if isinstance(expr, (TupleExpr, ListExpr)):
        return any(_names_target(e, name) for e in expr.items)
    if isinstance(expr, StarExpr):
        return _names_target(expr.expr, name)
    return False


def changed_elsewhere(
    stmts: list[Statement], name: str, initial: AssignmentStmt, depth: int = 0
) -> bool:
    """Whether module-level code other than `initial` assigns or mutates `name`.

    `resources["db"] = ...` in an `if`, `resources.update(...)`, `assets += [...]`, or an
    assignment in a branch: the value at the `Definitions(...)` call is then not the
    initialiser, and whoever reads it must not guess.
    """
    if depth > 8:
        return True
    for stmt in stmts:
        if stmt is initial:
            continue
        if isinstance(stmt, AssignmentStmt):
            if any(_names_target(lv, name) for lv in stmt.lvalues) and depth > 0:
                return True
            if any(isinstance(lv, IndexExpr) and _names_target(lv, name) for lv in stmt.lvalues):
                return True
        elif isinstance(stmt, OperatorAssignmentStmt):
            if _names_target(stmt.lvalue, name):
                return True
        elif isinstance(stmt, DelStmt):
            if _names_target(stmt.expr, name):
                return True
        elif isinstance(stmt, ExpressionStmt):
            call = stmt.expr
            if (
                isinstance(call, CallExpr)
                and isinstance(call.callee, MemberExpr)
                and isinstance(call.callee.expr, NameExpr)
                and call.callee.expr.name == name
                and call.callee.name in MUTATING_METHODS
            ):
                return True
        elif isinstance(stmt, (ForStmt, WithStmt)):
            targets = [stmt.index] if isinstance(stmt, ForStmt) else list(stmt.target)
            if any(t is not None and _names_target(t, name) for t in targets):
                return True
        for block in statement_blocks(stmt):
            if changed_elsewhere(block.body, name, initial, depth + 1):
                return True
    return False


def statement_blocks(stmt: Statement) -> list[Block]:
    if isinstance(stmt, IfStmt):
        return [*stmt.body, *([stmt.else_body] if stmt.else_body else [])]
    if isinstance(stmt, WithStmt):
        return [stmt.body]
    if isinstance(stmt, (ForStmt, WhileStmt)):
        return [stmt.body, *([stmt.else_body] if stmt.else_body else [])]
    if isinstance(stmt, TryStmt):
        blocks = [stmt.body, *stmt.handlers]
        return blocks + [b for b in (stmt.else_body, stmt.finally_body) if b is not None]
    return []


def str_value(expr: Expression) -> str | None:
    return expr.value if isinstance(expr, StrExpr) else None


def call_kwargs(call: CallExpr) -> dict[str, Expression]:
    return {n: a for n, a in zip(call.arg_names, call.args) if n is not None}


def absolute_import(file: MypyFile, module_id: str, relative: int) -> str:
    """The module `from <dots><module_id> import ...` in `file` names."""
    if not relative:
        return module_id
    parts = file.fullname.split(".")
    if not file.is_package_init_file():
        parts = parts[:-1]
    base = parts[: len(parts) - (relative - 1)] if relative > 1 else parts
    return ".".join([*base, module_id] if module_id else base)
