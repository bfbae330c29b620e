"""The statements of another module, and the value a module-level variable was given.

mypy frees the statements of a module once it is checked, and a module loaded from the cache
has only its symbol table: their source is parsed again (not analysed) to find a variable's
initialiser. Reading another module's statements makes the reader's findings depend on them
(`cache_stamps.py` re-checks the reader when they change).
"""

from __future__ import annotations

import os

from mypy.errors import Errors
from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    DelStmt,
    Expression,
    ExpressionStmt,
    ForStmt,
    IndexExpr,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    OperatorAssignmentStmt,
    StarExpr,
    Statement,
    TupleExpr,
    Var,
    WithStmt,
)

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.names import module_of
from dagwire.mypy_plugin.sources.cache_stamps import record_read
from dagwire.mypy_plugin.tree_walk import statement_blocks


# Source path -> (modification time, size, module name, the tree parsed from it). One run
# reads the same few modules from hundreds of binding sites and builders: each is parsed once
# per process, and again only when its file changes (a daemon outlives its files' contents).
_parsed: dict[str, tuple[int, int, str, MypyFile | None]] = {}
# Source path -> variable name -> its initialiser in the parsed tree (`variable_initializer`).
_initializers: dict[str, dict[str, AssignmentStmt | None]] = {}


def module_tree(mod: MypyFile, api: CheckerApi) -> MypyFile | None:
    """A tree with statements for `mod`: its own, or a parse of its source."""
    if mod.defs:
        return mod
    path = mod.path
    if not path or not path.endswith(".py"):
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    known = _parsed.get(path)
    if (
        known is not None
        and known[0] == st.st_mtime_ns
        and known[1] == st.st_size
        and known[2] == mod.fullname
    ):
        return known[3]
    tree = _parse(path, mod.fullname, api)
    _parsed[path] = (st.st_mtime_ns, st.st_size, mod.fullname, tree)
    _initializers.pop(path, None)
    return tree


def _parse(path: str, module: str, api: CheckerApi) -> MypyFile | None:
    try:
        with open(path, "rb") as f:
            source = f.read()
        # The classic parser: eager on every supported mypy (the native one may defer).
        from mypy.fastparse import parse

        options = api.options
        return parse(source, fnam=path, module=module, errors=Errors(options), options=options)
    except Exception:  # unreadable or unparsable: cannot check
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
    if tree is mod:
        found = _initializer(tree, var.name)
    else:
        # a parsed tree lives as long as its file is unchanged: so do its answers
        answers = _initializers.setdefault(tree.path, {})
        if var.name in answers:
            found = answers[var.name]
        else:
            found = answers[var.name] = _initializer(tree, var.name)
    return (found.rvalue, mod) if found is not None else None


def _initializer(tree: MypyFile, name: str) -> AssignmentStmt | None:
    """The last module-level assignment to `name`, unless code elsewhere changes it."""
    found: AssignmentStmt | None = None
    for stmt in tree.defs:
        if isinstance(stmt, AssignmentStmt):
            for lv in stmt.lvalues:
                if isinstance(lv, NameExpr) and lv.name == name:
                    found = stmt
    if found is None or changed_elsewhere(tree.defs, name, found):
        return None
    return found


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
    stmts: list[Statement], name: str, initial: AssignmentStmt | None, depth: int = 0
) -> bool:
    """Whether code other than `initial` assigns (in a block) or mutates `name`.

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
