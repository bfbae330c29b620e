"""The value a name of a function holds where it is read, for assembling a code location.

A dg project's `@definitions` function often keeps the loaded defs folder in a local
variable and changes it before returning it (`defs = load_defs(...)`, then `defs =
defs.map_asset_specs(...)`), and passes it through a helper of the project (`return
link_to_git(defs)`). A name read in a function is followed to the last assignment of the
function's own statements before the statement that reads it, a parameter to the argument
of the call being followed. A name assigned in a block, changed in place, or bound another
way (a loop, a `with`, an import) is not known: whoever reads it stays silent.
"""

from __future__ import annotations

from mypy.nodes import (
    ARG_NAMED,
    ARG_OPT,
    ARG_POS,
    AssignmentStmt,
    CallExpr,
    ClassDef,
    Decorator,
    Expression,
    ExpressionStmt,
    ForStmt,
    FuncDef,
    GlobalDecl,
    Import,
    ImportFrom,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    NonlocalDecl,
    ReturnStmt,
    Statement,
    TupleExpr,
    TypeInfo,
    WithStmt,
)
from mypy.server.subexpr import get_subexpressions

from dagwire.mypy_plugin.sources.module_source import changed_elsewhere
from dagwire.mypy_plugin.tree_walk import statement_blocks


class Scope:
    """Where an expression is read: a module, and the function it is in (its statements,
    its parameters bound to the arguments of the call followed, each read in its caller's
    scope; for a method of a component, the component's class). Plain classes:
    facts/carrier.py."""

    __slots__ = ("module", "func", "body", "local", "arguments", "instance")

    def __init__(
        self,
        module: MypyFile,
        func: FuncDef | None = None,
        body: list[Statement] | None = None,
        arguments: dict[str, tuple[Expression, Scope]] | None = None,
        instance: TypeInfo | None = None,
    ) -> None:
        self.module = module
        self.func = func
        self.body = body if body is not None else []
        self.local = _local_names(func, self.body) if func is not None else set()
        self.arguments = arguments if arguments is not None else {}
        self.instance = instance  # the class of `self` in a component's method


# What a name of a function is: not one of its own names, or not known there.
NOT_LOCAL = "not local"
UNKNOWN = "unknown"


def local_value(name: NameExpr, scope: Scope) -> tuple[Expression, Scope] | str:
    """(the expression, its scope) a name of the scope's function holds where it is read;
    NOT_LOCAL for a name the function does not bind; UNKNOWN when it cannot be told."""
    func = scope.func
    if func is None or name.name not in scope.local:
        return NOT_LOCAL
    if OPAQUE in scope.local:
        return UNKNOWN  # a `global` or `nonlocal` name: bound elsewhere too
    if name.name in func.arg_names:
        bound = scope.arguments.get(name.name)
        if bound is None or _assignments(scope.body, name.name):
            return UNKNOWN  # no call is followed, or the parameter is rebound
        return bound
    reader = _statement_at(scope.body, name.line)
    if reader is None:
        return UNKNOWN
    found: AssignmentStmt | None = None
    for stmt in scope.body[:reader]:
        if isinstance(stmt, AssignmentStmt) and _assigns(stmt, name.name):
            found = stmt
    if found is None or len(found.lvalues) != 1 or not isinstance(found.lvalues[0], NameExpr):
        return UNKNOWN
    if changed_elsewhere(scope.body, name.name, found):
        return UNKNOWN  # assigned in a block or changed in place
    return found.rvalue, scope


def assigned_once(name: NameExpr, scope: Scope) -> tuple[Expression, int | None, int] | None:
    """What a name of the scope's function holds when one assignment statement of the
    function binds it, in any block (in a loop's body each pass holds a value of the same
    expression), and nothing else binds or changes it: (the assigned expression, None, 1),
    or (the expression, i, n) for the i-th of the n names `a, b = ...` unpacks. None for
    anything else (a parameter, a starred or nested target, a second binding)."""
    func = scope.func
    if (
        func is None
        or OPAQUE in scope.local
        or name.name not in scope.local
        or name.name in func.arg_names
    ):
        return None
    found: list[AssignmentStmt] = []
    pending = list(scope.body)
    while pending:
        stmt = pending.pop()
        if isinstance(stmt, AssignmentStmt) and any(
            isinstance(e, NameExpr) and e.name == name.name
            for lv in stmt.lvalues
            for e in (lv, *get_subexpressions(lv))
        ):
            found.append(stmt)
        elif _defines(stmt, name.name):
            return None
        for block in statement_blocks(stmt):
            pending += block.body
    if len(found) != 1 or len(found[0].lvalues) != 1:
        return None
    target = found[0].lvalues[0]
    if changed_elsewhere(scope.body, name.name, found[0]):
        return None  # rebound by a loop or a `with`, changed in place, ...
    if isinstance(target, NameExpr):
        return found[0].rvalue, None, 1
    if isinstance(target, (TupleExpr, ListExpr)) and all(
        isinstance(item, NameExpr) for item in target.items
    ):
        names = [item.name for item in target.items if isinstance(item, NameExpr)]
        if names.count(name.name) == 1:
            return found[0].rvalue, names.index(name.name), len(names)
    return None


def _defines(stmt: Statement, name: str) -> bool:
    """A definition or an import statement binds `name`."""
    if isinstance(stmt, (FuncDef, Decorator, ClassDef)):
        return stmt.name == name
    if isinstance(stmt, Import):
        return any((alias or module.partition(".")[0]) == name for module, alias in stmt.ids)
    if isinstance(stmt, ImportFrom):
        return any((alias or imported) == name for imported, alias in stmt.names)
    return False


def returned_values(scope: Scope) -> list[Expression] | None:
    """What each `return` of the scope's function returns (in its own statements and their
    blocks); None when one returns nothing or there is none."""
    out: list[Expression] = []
    pending = list(scope.body)
    while pending:
        stmt = pending.pop(0)
        if isinstance(stmt, ReturnStmt):
            if stmt.expr is None:
                return None
            out.append(stmt.expr)
        for block in statement_blocks(stmt):
            pending += block.body
    return out or None


def call_scope(
    call: CallExpr,
    caller: Scope,
    func: FuncDef,
    home: MypyFile,
    body: list[Statement],
    instance: TypeInfo | None = None,
) -> Scope:
    """The scope a project function `func` of module `home` runs in for one call: each
    parameter given by position or keyword is bound to its argument, read in the caller's
    scope (a parameter given otherwise, by `*args` or `**kwargs`, stays unknown). With
    `instance`, a method called on `self`: its first parameter is not bound."""
    arguments: dict[str, tuple[Expression, Scope]] = {}
    skip = 1 if instance is not None else 0
    positional = [a for a, k in zip(call.args, call.arg_kinds) if k == ARG_POS]
    if len(positional) == len(call.args) - sum(k == ARG_NAMED for k in call.arg_kinds):
        for index, arg in enumerate(positional, start=skip):
            if index < len(func.arg_names) and func.arg_kinds[index] in (ARG_POS, ARG_OPT):
                param = func.arg_names[index]
                if param is not None:
                    arguments[param] = (arg, caller)
        for arg_name, kind, arg in zip(call.arg_names, call.arg_kinds, call.args):
            if kind == ARG_NAMED and arg_name is not None and arg_name in func.arg_names[skip:]:
                arguments[arg_name] = (arg, caller)
    return Scope(home, func, body, arguments, instance)


def self_method_name(call: CallExpr, scope: Scope) -> str | None:
    """`build` of `self.build(...)` in a component's method."""
    callee = call.callee
    func = scope.func
    if scope.instance is None or func is None or not func.arg_names:
        return None
    if not isinstance(callee, MemberExpr) or not isinstance(callee.expr, NameExpr):
        return None
    return callee.name if callee.expr.name == func.arg_names[0] else None


def mentions_local(expr: Expression, scope: Scope) -> bool:
    """Whether `expr` reads a name of the scope's function (the module-level readers would
    take it for a module's name)."""
    if scope.func is None:
        return False
    return any(
        isinstance(e, NameExpr) and e.name in scope.local
        for e in (expr, *get_subexpressions(expr))
    )


# In a function's names: it declares `global` or `nonlocal` names.
OPAQUE = "*"


def _local_names(func: FuncDef, body: list[Statement]) -> set[str]:
    """The names a function binds itself: its parameters and what its statements assign,
    define or import, in every block."""
    names = {n for n in func.arg_names if n is not None}
    pending = list(body)
    while pending:
        stmt = pending.pop()
        targets: list[Expression] = []
        if isinstance(stmt, AssignmentStmt):
            targets = list(stmt.lvalues)
        elif isinstance(stmt, ForStmt):
            targets = [stmt.index]
        elif isinstance(stmt, WithStmt):
            targets = [t for t in stmt.target if t is not None]
        elif isinstance(stmt, (FuncDef, Decorator, ClassDef)):
            names.add(stmt.name)
        elif isinstance(stmt, Import):
            names.update(alias or module.partition(".")[0] for module, alias in stmt.ids)
        elif isinstance(stmt, ImportFrom):
            names.update(alias or name for name, alias in stmt.names)
        elif isinstance(stmt, (GlobalDecl, NonlocalDecl)):
            names.add(OPAQUE)
        for target in targets:
            names.update(
                e.name for e in (target, *get_subexpressions(target)) if isinstance(e, NameExpr)
            )
        for block in statement_blocks(stmt):
            pending += block.body
    return names


def _statement_at(body: list[Statement], line: int) -> int | None:
    """The index of the function's own statement that spans `line`."""
    for index, stmt in enumerate(body):
        end = stmt.end_line if stmt.end_line is not None else stmt.line
        if stmt.line <= line <= end:
            return index
    return None


def _assigns(stmt: AssignmentStmt, name: str) -> bool:
    return any(isinstance(lv, NameExpr) and lv.name == name for lv in stmt.lvalues)


def _assignments(body: list[Statement], name: str) -> bool:
    pending = list(body)
    while pending:
        stmt = pending.pop()
        if isinstance(stmt, AssignmentStmt) and _assigns(stmt, name):
            return True
        for block in statement_blocks(stmt):
            pending += block.body
    return False


def local_definition(name: str, scope: Scope) -> Decorator | None:
    """The decorated function a name of the scope's function is, when one `def` statement
    binds it and nothing else does (a `def` in a loop makes the same definition each pass)."""
    if scope.func is None or OPAQUE in scope.local or name in scope.func.arg_names:
        return None
    found: list[Statement] = []
    pending = list(scope.body)
    while pending:
        stmt = pending.pop()
        if isinstance(stmt, (FuncDef, Decorator, ClassDef)) and stmt.name == name:
            found.append(stmt)
        elif isinstance(stmt, AssignmentStmt) and _assigns(stmt, name):
            return None
        for block in statement_blocks(stmt):
            pending += block.body
    if len(found) != 1 or not isinstance(found[0], Decorator):
        return None
    if changed_elsewhere(scope.body, name, None):
        return None  # rebound by a loop, a `with`, `+=`, ...
    return found[0]


# List methods that add items (the list holds what was added), and what else changes a list.
GROWING_METHODS = frozenset({"append", "extend"})


def grown_list(name: NameExpr, scope: Scope) -> list[Expression] | None:
    """A list the scope's function assigns once, as a display, and then only grows by
    `name.append(x)` / `name.extend(xs)` (in a loop too): each item of the display, each
    appended `x` and each extending `xs` (a list). None for anything else."""
    if scope.func is None or OPAQUE in scope.local or name.name in scope.func.arg_names:
        return None
    assigned = [
        s for s in scope.body if isinstance(s, AssignmentStmt) and _assigns(s, name.name)
    ]
    if len(assigned) != 1 or not isinstance(assigned[0].rvalue, ListExpr):
        return None
    out: list[Expression] = list(assigned[0].rvalue.items)
    grown = False
    pending: list[Statement] = [s for s in scope.body if s is not assigned[0]]
    while pending:
        stmt = pending.pop(0)
        method = _method_call(stmt, name.name)
        if method is not None:
            call, method_name = method
            if method_name not in GROWING_METHODS or len(call.args) != 1:
                return None
            if call.arg_kinds[0] != ARG_POS or call.line < assigned[0].line:
                return None
            out.append(call.args[0])
            grown = True
            continue
        blocks = statement_blocks(stmt)
        if _binds(stmt, name.name) or (not blocks and changed_elsewhere([stmt], name.name, None)):
            return None  # assigned again, changed another way
        for block in blocks:
            pending += block.body
    return out if grown else None


def _binds(stmt: Statement, name: str) -> bool:
    """A loop or a `with` binding `name` (a compound statement's own header)."""
    targets = [stmt.index] if isinstance(stmt, ForStmt) else (
        [t for t in stmt.target if t is not None] if isinstance(stmt, WithStmt) else []
    )
    return any(
        isinstance(e, NameExpr) and e.name == name
        for t in targets
        for e in (t, *get_subexpressions(t))
    )


def _method_call(stmt: Statement, name: str) -> tuple[CallExpr, str] | None:
    """(the call, the method) of a statement `name.method(...)`."""
    if not isinstance(stmt, ExpressionStmt) or not isinstance(stmt.expr, CallExpr):
        return None
    callee = stmt.expr.callee
    if isinstance(callee, MemberExpr) and isinstance(callee.expr, NameExpr):
        if callee.expr.name == name:
            return stmt.expr, callee.name
    return None
