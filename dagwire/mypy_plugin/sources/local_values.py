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
    AssertStmt,
    AssignmentStmt,
    BreakStmt,
    CallExpr,
    ClassDef,
    ContinueStmt,
    Decorator,
    DelStmt,
    Expression,
    ExpressionStmt,
    ForStmt,
    FuncDef,
    GlobalDecl,
    IfStmt,
    Import,
    ImportFrom,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    NonlocalDecl,
    OperatorAssignmentStmt,
    PassStmt,
    RaiseStmt,
    RefExpr,
    ReturnStmt,
    Statement,
    SymbolNode,
    TryStmt,
    TupleExpr,
    TypeInfo,
    WhileStmt,
    WithStmt,
)
from mypy.server.subexpr import get_subexpressions

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.names import absolute_import, member_node, resolve_ref
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
        self.local = local_names(func, self.body) if func is not None else set()
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


def resolve_in_scope(expr: Expression, scope: Scope, api: CheckerApi) -> SymbolNode | None:
    """What a name or dotted name read in the scope refers to: a name of its module, or one
    its function binds by its own import statement (`import dagster as dg`, `from .factory
    import Factory` inside a `@definitions` function), also in a function read again from
    source (unanalysed: mypy has freed the analysed one)."""
    if isinstance(expr, RefExpr) and expr.node is not None:
        return expr.node
    if isinstance(expr, NameExpr):
        if scope.func is not None and expr.name in scope.local:
            return imported_here(expr.name, scope, api)
        return resolve_ref(expr, scope.module, api)
    if isinstance(expr, MemberExpr):
        return member_node(resolve_in_scope(expr.expr, scope, api), expr.name, api)
    return None


def imported_here(name: str, scope: Scope, api: CheckerApi) -> SymbolNode | None:
    """What a name of the scope's function refers to when one import statement among its own
    statements binds it, and nothing else does; None otherwise."""
    func = scope.func
    if func is None or OPAQUE in scope.local or name in func.arg_names:
        return None
    if _assignments(scope.body, name):
        return None
    found: list[SymbolNode | None] = []
    for stmt in scope.body:
        if isinstance(stmt, Import):
            for module, alias in stmt.ids:
                if alias == name:
                    found.append(api.modules.get(module))
                elif alias is None and module.partition(".")[0] == name:
                    found.append(api.modules.get(name))
        elif isinstance(stmt, ImportFrom):
            source = absolute_import(scope.module, stmt.id, stmt.relative)
            for imported, alias in stmt.names:
                if (alias or imported) == name:
                    found.append(
                        member_node(api.modules.get(source), imported, api)
                        or api.modules.get(f"{source}.{imported}")
                    )
    return found[0] if len(found) == 1 else None


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


def local_names(func: FuncDef, body: list[Statement]) -> set[str]:
    """The names a function binds itself: its parameters and what its statements assign,
    define or import, in every block (`OPAQUE` for a `global`/`nonlocal` declaration)."""
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


def passed_list(
    name: NameExpr, scope: Scope
) -> tuple[list[Expression], list[tuple[CallExpr, int | None]]] | None:
    """A list the scope's function assigns once, as a display, at its top level, and then only
    grows (`name.append(x)` / `name.extend(xs)`) or rebinds to what a call it is given to
    gives back (`name, other = collect(..., name, ...)`, in a loop too): (the display's items
    and each `x` / `xs`, the calls with the position of the name in what they give back: None
    for `name = collect(..., name)`). None for anything else, or when no call takes it."""
    func = scope.func
    if func is None or OPAQUE in scope.local or name.name in func.arg_names:
        return None
    first = [
        s for s in scope.body
        if isinstance(s, AssignmentStmt) and len(s.lvalues) == 1
        and isinstance(s.lvalues[0], NameExpr) and s.lvalues[0].name == name.name
    ]
    if len(first) != 1 or not isinstance(first[0].rvalue, ListExpr):
        return None
    items: list[Expression] = list(first[0].rvalue.items)
    passes: list[tuple[CallExpr, int | None]] = []
    pending: list[Statement] = [s for s in scope.body if s is not first[0]]
    while pending:
        stmt = pending.pop(0)
        blocks = statement_blocks(stmt)
        pending += [s for block in blocks for s in block.body]
        method = _method_call(stmt, name.name)
        if method is not None and method[1] in GROWING_METHODS:
            call = method[0]
            if len(call.args) != 1 or call.arg_kinds[0] != ARG_POS:
                return None
            items.append(call.args[0])
        elif isinstance(stmt, AssignmentStmt) and _assigns_within(stmt, name.name):
            passed = _passing(stmt, name.name)
            if passed is None:
                return None
            passes.append(passed)
        elif _binds(stmt, name.name) or (
            not blocks and changed_elsewhere([stmt], name.name, None, 1)
        ):
            return None  # bound or changed another way
        elif isinstance(stmt, (FuncDef, Decorator, ClassDef)) and stmt.name == name.name:
            return None
    return (items, passes) if passes else None


def _assigns_within(stmt: AssignmentStmt, name: str) -> bool:
    return any(
        isinstance(e, NameExpr) and e.name == name
        for lv in stmt.lvalues
        for e in (lv, *get_subexpressions(lv))
    )


def _passing(stmt: AssignmentStmt, name: str) -> tuple[CallExpr, int | None] | None:
    """(the call, the name's position among the targets) of `name = f(..., name)` or
    `name, other = f(..., name)`."""
    call = stmt.rvalue
    if len(stmt.lvalues) != 1 or not isinstance(call, CallExpr):
        return None
    given = [a for a in call.args if isinstance(a, NameExpr) and a.name == name]
    if len(given) != 1:
        return None
    target = stmt.lvalues[0]
    if isinstance(target, NameExpr):
        return (call, None) if target.name == name else None
    if isinstance(target, (TupleExpr, ListExpr)) and all(
        isinstance(item, NameExpr) for item in target.items
    ):
        names = [item.name for item in target.items if isinstance(item, NameExpr)]
        if names.count(name) == 1:
            return call, names.index(name)
    return None


def parameter_growth(scope: Scope, param: str, position: int | None) -> list[Expression] | None:
    """What the scope's function adds to the list its parameter `param` receives, when it only
    grows it (`param.append(x)` / `param.extend(xs)`) and every `return` gives it back (at
    `position` of a tuple display, or alone): each `x` / `xs`. None when the function mentions
    the parameter any other way (hands it to a call, rebinds it, changes it otherwise)."""
    added: list[Expression] = []
    pending = list(scope.body)
    while pending:
        stmt = pending.pop(0)
        pending += [s for block in statement_blocks(stmt) for s in block.body]
        method = _method_call(stmt, param)
        if method is not None and method[1] in GROWING_METHODS:
            call = method[0]
            if len(call.args) != 1 or call.arg_kinds[0] != ARG_POS:
                return None
            if _mentions(call.args[0], param):
                return None
            added.append(call.args[0])
        elif isinstance(stmt, ReturnStmt):
            value = stmt.expr
            if position is not None:
                if not isinstance(value, TupleExpr) or position >= len(value.items):
                    return None
                others = [e for i, e in enumerate(value.items) if i != position]
                if any(_mentions(e, param) for e in others):
                    return None
                value = value.items[position]
            if not (isinstance(value, NameExpr) and value.name == param):
                return None
        else:
            own = _own_expressions(stmt)
            if own is None or any(_mentions(e, param) for e in own):
                return None
    return added


def _mentions(expr: Expression, name: str) -> bool:
    return any(
        isinstance(e, NameExpr) and e.name == name for e in (expr, *get_subexpressions(expr))
    )


def _own_expressions(stmt: Statement) -> list[Expression] | None:
    """The expressions a statement holds itself (not those of its blocks); None for a
    statement the callers do not read (a nested definition, ...)."""
    if isinstance(stmt, AssignmentStmt):
        return [*stmt.lvalues, stmt.rvalue]
    if isinstance(stmt, OperatorAssignmentStmt):
        return [stmt.lvalue, stmt.rvalue]
    if isinstance(stmt, (ExpressionStmt, DelStmt)):
        return [stmt.expr]
    if isinstance(stmt, IfStmt):
        return list(stmt.expr)
    if isinstance(stmt, ForStmt):
        return [stmt.index, stmt.expr]
    if isinstance(stmt, WhileStmt):
        return [stmt.expr]
    if isinstance(stmt, WithStmt):
        return [*stmt.expr, *(t for t in stmt.target if t is not None)]
    if isinstance(stmt, (PassStmt, BreakStmt, ContinueStmt, Import, ImportFrom)):
        return []
    if isinstance(stmt, (AssertStmt, RaiseStmt)):
        parts = (stmt.expr, stmt.msg) if isinstance(stmt, AssertStmt) else (
            stmt.expr, stmt.from_expr
        )
        return [e for e in parts if e is not None]
    if isinstance(stmt, TryStmt):
        return [e for e in [*stmt.types, *stmt.vars] if e is not None]
    return None
