"""`Definitions(**collect(globals()))`: what a builder keeps of the calling module's namespace.

A project function given `globals()` that walks the namespace's values and keeps each by
class (`isinstance(obj, dg.AssetsDefinition)`), returning a dict display of lists, gives the
Definitions every module-level definition of those classes the module holds when the call
runs: the ones it defines or imports before the statement making the call. The builder is
read when its body says plainly what each returned list holds: a comprehension over the
values filtered by one class test, or a list the loop over the values appends the value to
under class tests (`if`/`elif` chains of `isinstance`, joined by `or`). Anything else (a test
of another kind, a class the vocabulary does not know, `break`/`continue`, a list changed
otherwise) is not read: the caller then says nothing about what the lists hold.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from dagwire.source_model.imports import ImportTable
from dagwire.source_model.module import FunctionNode, ModuleModel
from dagwire.source_model.resolve_loaders import Entry, LoaderResolver
from dagwire.source_model.resolve_values import Scope
from dagwire.vocabulary.calls import DEFINITIONS_LISTS, DEFINITIONS_PARAMETERS, RESOURCES
from dagwire.vocabulary.names import DEFINITION_CLASSES, GLOBALS, class_kinds

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_LOOPS = (ast.For, ast.AsyncFor, ast.While)
# Builtins a builder uses as written: the namespace's values, copied, and the class test.
_VALUES = "values"
_COPIES = frozenset({"list", "tuple"})
_ISINSTANCE = "isinstance"


class Unread(Exception):
    """The builder's body does not say plainly what it keeps."""


class Kept:
    """What `**builder(globals())` gives: the list arguments, the definitions they hold and
    whether that is all of them, and whether the builder returns `resources` too."""

    __slots__ = ("lists", "entries", "complete", "returns_resources")

    def __init__(
        self, lists: frozenset[str], entries: list[Entry], complete: bool,
        returns_resources: bool,
    ) -> None:
        self.lists = lists
        self.entries = entries
        self.complete = complete
        self.returns_resources = returns_resources


def collected(resolver: LoaderResolver, scope: Scope, expr: ast.expr) -> Kept | None:
    """For `**expr` where `expr` is `builder(globals())` (or a module-level name assigned
    one) run by a module-level statement: what the builder keeps. None when it is not that
    shape or the builder cannot be read."""
    model = scope.model
    if scope.func is not None:
        return None  # globals() read when a function runs: which names exist is not known
    call: ast.expr = expr
    if isinstance(expr, ast.Name):
        found = resolver.value_of(model, expr)
        if found is None or found[0] is not model:
            return None
        call = found[1]
    if not isinstance(call, ast.Call):
        return None
    param = _namespace_parameter(resolver, model, call)
    if param is None:
        return None
    owner, func, name = param
    kinds_by_list = kept_kinds(func, name, owner.imports)
    if kinds_by_list is None:
        return None
    before, imports_before = _bound_before(model, call)
    kinds = frozenset().union(*kinds_by_list.values())
    entries: list[Entry] = []
    for decorated, home in resolver.module_definitions(model, kinds):
        if home is model:
            if decorated.function_name not in before:
                continue  # defined after the call: not in the namespace yet
        elif not imports_before:
            continue
        entries.append(Entry(decorated, home, frozenset()))
    # a value made by a call (a factory, `define_asset_job`) is kept too, and not read here
    return Kept(frozenset(kinds_by_list), entries, False, returns_resources(func))


def _namespace_parameter(
    resolver: LoaderResolver, model: ModuleModel, call: ast.Call
) -> tuple[ModuleModel, FunctionNode, str] | None:
    """The project function `call` runs with its module and the parameter given `globals()`."""
    target = resolver.target_of(model, call.func)
    if target is None or not isinstance(target[1], _FUNCTIONS):
        return None
    body = resolver.function_body(target[0], target[1])
    if body is None:
        return None
    owner, func = body
    params = [a.arg for a in (*func.args.posonlyargs, *func.args.args)]
    for position, arg in enumerate(call.args):
        if _is_globals(model, arg) and position < len(params) and len(call.args) == 1:
            return owner, func, params[position]
    for keyword in call.keywords:
        if keyword.arg is not None and _is_globals(model, keyword.value) and not call.args:
            return owner, func, keyword.arg
    return None


def _is_globals(model: ModuleModel, expr: ast.expr) -> bool:
    return (
        isinstance(expr, ast.Call)
        and isinstance(expr.func, ast.Name)
        and expr.func.id == GLOBALS
        and not model.imports.is_bound(GLOBALS)
        and not expr.args
        and not expr.keywords
    )


def kept_kinds(
    func: FunctionNode, namespace: str, imports: ImportTable
) -> dict[str, frozenset[str]] | None:
    """List argument -> the kinds of definition a builder (its module's bindings `imports`)
    keeps in it from the namespace its parameter `namespace` is given; None when its body
    does not say plainly."""
    try:
        return _kept(imports, func, namespace)
    except Unread:
        return None


def returns_resources(func: FunctionNode) -> bool:
    """Whether a builder `kept_kinds` read returns a `resources` entry too."""
    returned = func.body[-1]
    assert isinstance(returned, ast.Return) and isinstance(returned.value, ast.Dict)
    return any(
        isinstance(k, ast.Constant) and k.value == RESOURCES for k in returned.value.keys
    )


def _kept(owner: ImportTable, func: FunctionNode, namespace: str) -> dict[str, frozenset[str]]:
    returns = [n for n in _own_nodes(func) if isinstance(n, ast.Return)]
    if len(returns) != 1 or returns[0] is not func.body[-1]:
        raise Unread
    display = returns[0].value
    if not isinstance(display, ast.Dict):
        raise Unread
    if any(isinstance(node, (ast.Yield, ast.YieldFrom)) for node in _own_nodes(func)):
        raise Unread  # a generator
    if any(_binds(node, namespace) for node in _own_nodes(func)):
        raise Unread
    found: dict[str, frozenset[str]] = {}
    for key, value in zip(display.keys, display.values):
        name = key.value if isinstance(key, ast.Constant) else None
        if not isinstance(name, str) or name not in DEFINITIONS_PARAMETERS:
            raise Unread  # `**more`, a computed key, or a key Definitions refuses
        if name in DEFINITIONS_LISTS:
            found[name] = _list_kinds(owner, func, namespace, value)
    if not found:
        raise Unread
    return found


def _list_kinds(
    owner: ImportTable, func: FunctionNode, namespace: str, value: ast.expr
) -> frozenset[str]:
    if isinstance(value, ast.ListComp) and len(value.generators) == 1:
        gen = value.generators[0]
        item = gen.target
        if (
            not isinstance(item, ast.Name)
            or not _is_values(owner, gen.iter, namespace)
            or not isinstance(value.elt, ast.Name)
            or value.elt.id != item.id
            or len(gen.ifs) != 1
        ):
            raise Unread
        return _tested(owner, gen.ifs[0], item.id)[0]
    if isinstance(value, ast.Name):
        assigned = [v for target, v in _assignments(func) if target == value.id]
        if len(assigned) == 1 and isinstance(assigned[0], ast.ListComp):
            # `kept = [v for v in namespace.values() if ...]`, then returned
            if _mentions(func, value.id) != 2:
                raise Unread
            return _list_kinds(owner, func, namespace, assigned[0])
        return _appended(owner, func, namespace, value.id)
    raise Unread


def _appended(owner: ImportTable, func: FunctionNode, namespace: str, name: str) -> frozenset[str]:
    """The kinds a list local to the builder is given: `name = []` at the top of the body,
    then `name.append(item)` in a loop over the namespace's values, under class tests."""
    starts = [
        value for target, value in _assignments(func)
        if target == name and isinstance(value, ast.List) and not value.elts
    ]
    kinds: list[frozenset[str] | None] = []
    for loop in func.body:
        if isinstance(loop, ast.For) and _is_values(owner, loop.iter, namespace):
            item = _name(loop.target)
            if item is None or any(_binds(n, item) for n in _below(loop.body)):
                raise Unread
            if any(isinstance(n, (ast.Break, ast.Continue)) for n in _below(loop.body)):
                raise Unread
            kinds += _guarded_appends(owner, loop.body, name, item, None)
    # the start, each append read, and the returned display: any other use is not followed
    if len(starts) != 1 or not kinds or _mentions(func, name) != len(kinds) + 2:
        raise Unread
    if any(k is None for k in kinds):
        raise Unread  # appended without a class test that says what
    return frozenset().union(*(k for k in kinds if k is not None))


def _guarded_appends(
    owner: ImportTable, body: list[ast.stmt], name: str, item: str,
    guard: frozenset[str] | None,
) -> list[frozenset[str] | None]:
    """For each `name.append(item)` in `body`, the kinds its class tests allow (None: a test
    that says nothing about the class)."""
    found: list[frozenset[str] | None] = []
    for stmt in body:
        if isinstance(stmt, ast.Expr) and _is_append(stmt.value, name, item):
            found.append(guard)
        elif isinstance(stmt, ast.If):
            excluded: frozenset[str] | None = frozenset()
            branch: ast.If | None = stmt
            while branch is not None:
                try:
                    tested: tuple[frozenset[str], frozenset[str]] | None = _tested(
                        owner, branch.test, item
                    )
                except Unread:
                    tested = None
                allowed = None if tested is None or excluded is None else tested[0] - excluded
                if allowed is not None and guard is not None:
                    allowed &= guard
                found += _guarded_appends(owner, branch.body, name, item, allowed)
                # what an earlier test may have let through does not reach this branch
                excluded = None if tested is None or excluded is None else excluded | tested[1]
                if len(branch.orelse) == 1 and isinstance(branch.orelse[0], ast.If):
                    branch = branch.orelse[0]  # `elif`
                else:
                    found += _guarded_appends(owner, branch.orelse, name, item, None)
                    branch = None
        elif isinstance(stmt, ast.Try):
            for block in (stmt.body, *(h.body for h in stmt.handlers), stmt.orelse, stmt.finalbody):
                found += _guarded_appends(owner, block, name, item, guard)
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            found += _guarded_appends(owner, stmt.body, name, item, guard)
    return found


def _tested(
    owner: ImportTable, test: ast.expr, item: str
) -> tuple[frozenset[str], frozenset[str]]:
    """The kinds `isinstance(item, A)` (also `(A, B)`, `A | B`, tests joined by `or`) lets
    through in both frameworks, and the kinds it may let through."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
        parts = [_tested(owner, v, item) for v in test.values]
        return (
            frozenset().union(*(p[0] for p in parts)), frozenset().union(*(p[1] for p in parts))
        )
    if (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Name)
        and test.func.id == _ISINSTANCE
        and not owner.is_bound(_ISINSTANCE)
        and len(test.args) == 2
        and not test.keywords
        and _name(test.args[0]) == item
    ):
        return _classes(owner, test.args[1])
    raise Unread


def _classes(owner: ImportTable, expr: ast.expr) -> tuple[frozenset[str], frozenset[str]]:
    if isinstance(expr, ast.Tuple):
        parts = [_classes(owner, e) for e in expr.elts]
    elif isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.BitOr):
        parts = [_classes(owner, expr.left), _classes(owner, expr.right)]
    else:
        role = owner.role(expr)
        if role is None or role not in DEFINITION_CLASSES:
            raise Unread  # a class the vocabulary does not know: what it keeps is not known
        return class_kinds(role)
    return frozenset().union(*(p[0] for p in parts)), frozenset().union(*(p[1] for p in parts))


def _is_values(owner: ImportTable, expr: ast.expr, namespace: str) -> bool:
    """`namespace.values()`, or a list or tuple copy of it."""
    if (
        isinstance(expr, ast.Call)
        and isinstance(expr.func, ast.Name)
        and expr.func.id in _COPIES
        and not owner.is_bound(expr.func.id)
        and len(expr.args) == 1
        and not expr.keywords
    ):
        expr = expr.args[0]
    return (
        isinstance(expr, ast.Call)
        and not expr.args
        and not expr.keywords
        and isinstance(expr.func, ast.Attribute)
        and expr.func.attr == _VALUES
        and _name(expr.func.value) == namespace
    )


def _is_append(expr: ast.expr, name: str, item: str) -> bool:
    return (
        isinstance(expr, ast.Call)
        and isinstance(expr.func, ast.Attribute)
        and expr.func.attr == "append"
        and _name(expr.func.value) == name
        and len(expr.args) == 1
        and not expr.keywords
        and _name(expr.args[0]) == item
    )


def _bound_before(model: ModuleModel, call: ast.Call) -> tuple[set[str], bool]:
    """The names module-level statements before the one running `call` bind, and whether
    every import of the module comes before it."""
    names: set[str] = set()
    for index, stmt in enumerate(model.tree.body):
        if stmt.lineno <= call.lineno <= (stmt.end_lineno or stmt.lineno):
            later = model.tree.body[index:]
            imports_after = any(
                isinstance(n, (ast.Import, ast.ImportFrom)) for s in later for n in _module_nodes(s)
            )
            return names, not imports_after
        for node in _module_nodes(stmt):
            if isinstance(node, (*_FUNCTIONS, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return set(), False


def _module_nodes(stmt: ast.stmt) -> Iterator[ast.AST]:
    """The nodes of a module-level statement, outside the bodies of its functions and classes."""
    pending: list[ast.AST] = [stmt]
    while pending:
        node = pending.pop()
        yield node
        if isinstance(node, (*_FUNCTIONS, ast.ClassDef, ast.Lambda)):
            continue
        pending += ast.iter_child_nodes(node)


def _own_nodes(func: FunctionNode) -> Iterator[ast.AST]:
    """The nodes of a function's body, outside nested functions and classes."""
    for stmt in func.body:
        yield from _module_nodes(stmt)


def _below(body: list[ast.stmt]) -> Iterator[ast.AST]:
    for stmt in body:
        yield from _module_nodes(stmt)


def _assignments(func: FunctionNode) -> Iterator[tuple[str | None, ast.expr]]:
    """(name, value) of the top-level `name = value` / `name: T = value` of a body."""
    for stmt in func.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            yield _name(stmt.targets[0]), stmt.value
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            yield _name(stmt.target), stmt.value


def _mentions(func: FunctionNode, name: str) -> int:
    return sum(1 for n in _own_nodes(func) if isinstance(n, ast.Name) and n.id == name)


def _binds(node: ast.AST, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Load)


def _name(expr: ast.expr) -> str | None:
    return expr.id if isinstance(expr, ast.Name) else None
