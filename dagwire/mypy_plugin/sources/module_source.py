"""The statements of another module, and the value a module-level variable was given.

mypy frees the statements of a module once it is checked, and a module loaded from the cache
has only its symbol table: their source is parsed again (not analysed). Where mypy's symbol
table still says which lines hold what is wanted, only those are parsed: a function
(`function_source`), or a variable's one assignment when the text names it nowhere else
(`_assignment_alone`); else the module, without function bodies for a reader of module-level
statements (`module_statements`). Reading another module's statements makes the reader's
findings depend on them (`cache_stamps.py` re-checks the reader when they change).
"""

from __future__ import annotations

import os
import re

from mypy.errors import Errors
from mypy.options import Options
from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    Decorator,
    DelStmt,
    Expression,
    ExpressionStmt,
    ForStmt,
    FuncDef,
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
_Parsed = dict[str, tuple[int, int, str, MypyFile | None]]
_parsed: _Parsed = {}
# The same, parsed without the bodies of its functions (`module_statements`).
_statements: _Parsed = {}
# Module name -> (the statements they were found in, variable name -> its initialiser): a
# module's statements change only as a whole (a new parse, a daemon's new tree).
_initializers: dict[str, tuple[list[Statement], dict[str, AssignmentStmt | None]]] = {}
# The options a module-level parse runs with: (the checker's options, the same but leaving
# out function bodies, as mypy's parser does for a module whose errors are ignored).
_strip_options: list[tuple[Options, Options]] = []


def module_tree(mod: MypyFile, api: CheckerApi) -> MypyFile | None:
    """A tree with statements for `mod`: its own, or a parse of its source."""
    if mod.defs:
        return mod
    return _cached_parse(_parsed, mod, api, api.options)


def module_statements(mod: MypyFile, api: CheckerApi) -> MypyFile | None:
    """A tree with `mod`'s module-level statements, for a reader that never looks into a
    function's body: its own, a parse already made, or a parse that leaves function bodies
    out (most of a module's text, and about half the cost of a parse)."""
    if mod.defs:
        return mod
    whole = _fresh(_parsed, mod)
    if whole is not None:
        return whole[3]
    if not _strip_options or _strip_options[0][0] is not api.options:
        _strip_options[:] = [(api.options, api.options.apply_changes({"ignore_errors": True}))]
    return _cached_parse(_statements, mod, api, _strip_options[0][1])


def _fresh(
    cache: _Parsed, mod: MypyFile, st: os.stat_result | None = None
) -> tuple[int, int, str, MypyFile | None] | None:
    """The cache's parse of `mod`'s file, while the file is unchanged (`st`: its stat, when
    the caller has it)."""
    known = cache.get(mod.path)
    if known is None or known[2] != mod.fullname:
        return None
    if st is None:
        try:
            st = os.stat(mod.path)
        except OSError:
            return None
    return known if known[0] == st.st_mtime_ns and known[1] == st.st_size else None


def _cached_parse(
    cache: _Parsed, mod: MypyFile, api: CheckerApi, options: Options
) -> MypyFile | None:
    path = mod.path
    if not path or not path.endswith(".py"):
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    known = _fresh(cache, mod, st)
    if known is not None:
        return known[3]
    try:
        with open(path, "rb") as f:
            source = f.read()
        tree: MypyFile | None = _parsed_source(source, path, mod.fullname, options)[0]
    except Exception:  # unreadable or unparsable: cannot check
        return None
    cache[path] = (st.st_mtime_ns, st.st_size, mod.fullname, tree)
    return tree


def _parsed_source(
    source: bytes, path: str, module: str, options: Options
) -> tuple[MypyFile, bool]:
    """The tree of `source`, and whether the parser reported an error."""
    # The classic parser: eager on every supported mypy (the native one may defer).
    from mypy.fastparse import parse

    errors = Errors(options)
    tree = parse(source, fnam=path, module=module, errors=errors, options=options)
    return tree, errors.is_errors()


# A coding declaration (PEP 263): it must stay on the first lines, so such a file is parsed whole.
_CODING = re.compile(rb"^[ \t\f]*#.*?coding[:=]", re.MULTILINE)


class _Text:
    """A module's source as read to parse single statements of it, with what was found: by
    first line, a function's definition (`function_source`) or a variable's assignment
    (`_assignment_alone`); None where the module must be parsed whole."""

    __slots__ = ("stamp", "source", "lines", "whole_only", "functions", "assignments")

    def __init__(self, stamp: tuple[int, int], source: bytes) -> None:
        self.stamp = stamp
        self.source = source
        self.lines = source.splitlines(keepends=True)
        self.whole_only = _CODING.search(source) is not None
        self.functions: dict[int, FuncDef | Decorator | None] = {}
        self.assignments: dict[int, list[AssignmentStmt] | None] = {}

    def statement(self, first: int, last: int) -> bytes:
        """Lines `first` to `last`, after blank lines: a parse numbers them as in the file."""
        return b"\n" * (first - 1) + b"".join(self.lines[first - 1:last])


# Source path -> its text, while its size and modification time are those it was read with.
_texts: dict[str, _Text] = {}


def _text(path: str) -> _Text:
    """The text of a module's source (OSError when it cannot be read)."""
    st = os.stat(path)
    stamp = (st.st_mtime_ns, st.st_size)
    known = _texts.get(path)
    if known is None or known.stamp != stamp:
        with open(path, "rb") as f:
            known = _texts[path] = _Text(stamp, f.read())
    return known


def function_source(func: FuncDef, home: MypyFile, api: CheckerApi) -> FuncDef | Decorator | None:
    """The statement defining `func`, a module-level function of `home` whose body mypy freed,
    parsed from its own lines: a function of a long module costs a parse of its lines, not of
    the module. None when its lines are not known for sure (a node from mypy's cache, a
    redefined name, an indented or unparsable text): the caller reads the whole module."""
    sym = home.names.get(func.name)
    node = sym.node if sym is not None else None
    if not (node is func or (isinstance(node, Decorator) and node.func is func)):
        return None
    assert node is not None
    first, last = node.line, node.end_line
    path = home.path
    if first < 1 or last is None or last < first or not path or not path.endswith(".py"):
        return None  # loaded from mypy's cache: no lines kept
    try:
        text = _text(path)
        if first not in text.functions:
            text.functions[first] = _function_in(text, first, last, func.name, home, api)
    except Exception:  # noqa: BLE001 - unreadable: the caller reads the whole module, or not
        return None
    return text.functions[first]


def _function_in(
    text: _Text, first: int, last: int, name: str, home: MypyFile, api: CheckerApi
) -> FuncDef | Decorator | None:
    if text.whole_only or last > len(text.lines) or text.lines[first - 1][:1] in (b" ", b"\t"):
        return None
    # the one definition of that name in the text: the last one is what the module binds
    if len(re.findall(rb"\bdef\s+%s\s*\(" % re.escape(name.encode()), text.source)) != 1:
        return None
    statement = text.statement(first, last)
    tree, failed = _parsed_source(statement, home.path, home.fullname, api.options)
    stmt = tree.defs[0] if not failed and len(tree.defs) == 1 else None
    target = stmt.func if isinstance(stmt, Decorator) else stmt
    if not isinstance(target, FuncDef) or target.name != name:
        return None
    return stmt if isinstance(stmt, (FuncDef, Decorator)) else None


def variable_initializer(var: Var, api: CheckerApi) -> tuple[Expression, MypyFile] | None:
    """The expression last assigned to module-level `var` at module level, with its module."""
    mod = module_of(var.fullname, api)
    if mod is None or var.fullname != f"{mod.fullname}.{var.name}":
        return None  # not a module-level variable
    record_read(api.tree, mod)  # its value may change while its type does not
    if not mod.defs:
        alone = _assignment_alone(var, mod, api)
        if alone is not None:  # the one statement naming it: its assignment, or none
            return (alone[0].rvalue, mod) if alone else None
    tree = module_statements(mod, api)
    if tree is None:
        return None
    # hundreds of binding sites ask the same few modules: each answer is found once
    known = _initializers.get(mod.fullname)
    if known is None or known[0] is not tree.defs:
        known = _initializers[mod.fullname] = (tree.defs, {})
    answers = known[1]
    if var.name in answers:
        found = answers[var.name]
    else:
        found = answers[var.name] = _initializer(tree, var.name)
    return (found.rvalue, mod) if found is not None else None


# How a line of a statement's continuation starts (a blank line or a comment may sit inside).
_CONTINUING = (b" ", b"\t", b"\r", b"\n", b"#", b")", b"]", b"}")


def _assignment_alone(var: Var, mod: MypyFile, api: CheckerApi) -> list[AssignmentStmt] | None:
    """What `_initializer` finds for `var` in a parse of the module (as a list of none or
    one), found from the lines of the one statement of the module's text that names it, at
    the line mypy's symbol table keeps for it; None when the text names it elsewhere too or
    the lines are not known: the module is parsed."""
    first, path = var.line, mod.path
    if first < 1 or not path or not path.endswith(".py"):
        return None  # loaded from mypy's cache: no lines kept
    try:
        text = _text(path)
        if first not in text.assignments:
            text.assignments[first] = _assignment_in(text, first, var.name, mod, api)
    except Exception:  # noqa: BLE001 - unreadable: the module is parsed, or not
        return None
    return text.assignments[first]


def _assignment_in(
    text: _Text, first: int, name: str, mod: MypyFile, api: CheckerApi
) -> list[AssignmentStmt] | None:
    lines = text.lines
    if text.whole_only or first > len(lines) or lines[first - 1][:1] in (b" ", b"\t", b"#"):
        return None
    # the statement's lines: up to the next one that starts a line (a closing bracket or a
    # comment does not); a statement cut short does not parse, and the module is parsed
    last = first
    while last < len(lines) and lines[last][:1] in _CONTINUING:
        last += 1
    start = sum(len(line) for line in lines[: first - 1])
    end = start + sum(len(line) for line in lines[first - 1:last])
    word = re.compile(rb"\b%s\b" % re.escape(name.encode()))
    if word.search(text.source, 0, start) or word.search(text.source, end):
        return None  # named elsewhere too: assigned again, changed or read there
    tree, failed = _parsed_source(text.statement(first, last), mod.path, mod.fullname, api.options)
    if failed or len(tree.defs) != 1:
        return None
    found = _initializer(tree, name)
    return [found] if found is not None else []


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
