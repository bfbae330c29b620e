"""`Definitions(**collect(globals()), resources=...)`: the definitions a builder keeps of the
module's namespace.

A project function given `globals()` that keeps the namespace's values by class returns
lists of every module-level definition of those classes the module holds when the call runs
(its own and imported ones bound by earlier statements). What the builder keeps is read from
its source by the shared source model (`source_model/globals_builder.py`), so both checkers
read a builder alike; a builder it cannot read leaves the call unknown (silent). The
builder's literal `"resources"` entry is the call's `resources=`. What a value made by a
call holds (a factory's asset) is not read: the listing is incomplete.
"""

from __future__ import annotations

import ast
import os

from mypy.nodes import (
    ARG_POS,
    AssignmentStmt,
    CallExpr,
    ClassDef,
    Decorator,
    DictExpr,
    Expression,
    FuncDef,
    Import,
    ImportAll,
    ImportFrom,
    MypyFile,
    NameExpr,
    ReturnStmt,
    Statement,
    Var,
)
from mypy.server.subexpr import get_subexpressions

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.facts.definition_facts import node_facts
from dagwire.mypy_plugin.facts.untyped_definitions import untyped_definition
from dagwire.mypy_plugin.names import module_of, resolve_ref
from dagwire.mypy_plugin.sources.cache_stamps import record_read
from dagwire.mypy_plugin.sources.constants import constant_str
from dagwire.mypy_plugin.sources.definition_lists import Listed
from dagwire.mypy_plugin.sources.function_results import function_body, project_function
from dagwire.mypy_plugin.sources.local_values import local_names
from dagwire.mypy_plugin.sources.module_source import variable_initializer
from dagwire.mypy_plugin.sources.splatted_arguments import split_splat
from dagwire.mypy_plugin.tree_walk import statement_blocks
from dagwire.vocabulary.calls import RESOURCES
from dagwire.vocabulary.names import GLOBALS

_GIT, _PROJECT_FILE = ".git", "pyproject.toml"  # what marks a repository folder
# Source path -> (modification time, size, tree): a builder's module parsed once per version.
_parsed: dict[str, tuple[int, int, ast.Module | None]] = {}


class Kept:
    """What `**builder(globals())` gives a call: its other keyword arguments (read in the
    call's module), the `resources=` with the module to read it in, and the definitions."""

    __slots__ = ("arguments", "resources", "listed")

    def __init__(
        self,
        arguments: dict[str, Expression],
        resources: tuple[Expression, MypyFile] | None,
        listed: Listed,
    ) -> None:
        self.arguments = arguments
        self.resources = resources
        self.listed = listed


def namespace_kept(call: CallExpr, mod: MypyFile, api: CheckerApi) -> Kept | None:
    """For a call of `mod` whose one `**` argument is `builder(globals())` (or a module-level
    variable assigned one), run by a module-level statement of `mod`; None otherwise."""
    split = split_splat(call) if mod is api.tree else None
    if split is None:
        return None
    named, splat = split
    if isinstance(splat, NameExpr):
        node = resolve_ref(splat, mod, api)
        init = variable_initializer(node, api) if isinstance(node, Var) else None
        if init is None or init[1] is not mod:
            return None
        splat = init[0]
    if not isinstance(splat, CallExpr) or not _at_module_level(splat, mod):
        return None
    found = _builder(splat, mod, api)
    if found is None:
        return None
    kinds_by_list, builder_returns_resources = found
    if any(name in named for name in kinds_by_list):
        return None  # a key given twice: a TypeError
    resources = (named[RESOURCES], mod) if RESOURCES in named else None
    if builder_returns_resources:
        if resources is not None:
            return None
        resources = _returned_resources(splat, mod, api)
        if resources is None:
            return None
    kinds = frozenset().union(*kinds_by_list.values())
    listed = _namespace_definitions(mod, kinds, splat, api)
    arguments = {k: v for k, v in named.items() if k != RESOURCES}
    return Kept(arguments, resources, listed)


def _builder(
    call: CallExpr, mod: MypyFile, api: CheckerApi
) -> tuple[dict[str, frozenset[str]], bool] | None:
    """What the builder a call runs keeps, by list argument, and whether it also returns
    `resources`."""
    if len(call.args) != 1 or call.arg_kinds != [ARG_POS] or not _is_globals(call.args[0]):
        return None
    found = _module_function(call, mod, api)
    if found is None:
        return None
    func, home = found
    if not func.arg_names or func.arg_names[0] is None:
        return None
    tree = _source_tree(home)
    if tree is None:
        return None
    if home is not api.tree:
        record_read(api.tree, home)
    node = next(
        (s for s in tree.body if isinstance(s, ast.FunctionDef) and s.name == func.name), None
    )
    if node is None:
        return None
    # The shared source model loads here, not with the plugin: few projects have a builder,
    # and every mypy run would pay for loading it (a fifth of the plugin's modules).
    from dagwire.source_model.globals_builder import kept_kinds, returns_resources
    from dagwire.source_model.imports import ImportTable

    kinds = kept_kinds(node, func.arg_names[0], ImportTable(tree))
    if kinds is None:
        return None
    return kinds, returns_resources(node)


def _module_function(
    call: CallExpr, mod: MypyFile, api: CheckerApi
) -> tuple[FuncDef, MypyFile] | None:
    """The module-level function a call calls, with its module: of the project, or of
    another package of the same repository (its source is what is read, not its types)."""
    found = project_function(call, mod, api)
    if found is not None:
        return found
    node = resolve_ref(call.callee, mod, api)
    home = module_of(node.fullname, api) if isinstance(node, FuncDef) else None
    if home is None or home.is_stub or not isinstance(node, FuncDef):
        return None
    if node.fullname != f"{home.fullname}.{node.name}" or not _same_repository(home, mod):
        return None
    return node, home


def _same_repository(other: MypyFile, mod: MypyFile) -> bool:
    """Whether two modules' files are under one repository folder, outside installed packages:
    the nearest folder above the reader holding `.git`, else the outermost holding
    `pyproject.toml` (a sub-project's own, `infra/pyproject.toml`, is part of the repository)."""
    if not other.path or not mod.path or "site-packages" in other.path.split(os.sep):
        return False
    folder = os.path.dirname(os.path.abspath(mod.path))
    top = None
    while True:
        if os.path.exists(os.path.join(folder, _GIT)):
            top = folder
            break
        if os.path.exists(os.path.join(folder, _PROJECT_FILE)):
            top = folder
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return top is not None and os.path.abspath(other.path).startswith(top + os.sep)


def _is_globals(expr: Expression) -> bool:
    return (
        isinstance(expr, CallExpr)
        and not expr.args
        and isinstance(expr.callee, NameExpr)
        and expr.callee.fullname == f"builtins.{GLOBALS}"
    )


def _returned_resources(
    call: CallExpr, mod: MypyFile, api: CheckerApi
) -> tuple[Expression, MypyFile] | None:
    """The builder's `"resources": {...}` entry, when it names nothing local to the builder."""
    found = project_function(call, mod, api)
    body = function_body(*found, api) if found is not None else None
    if found is None or not body or not isinstance(body[-1], ReturnStmt):
        return None
    func, home = found
    display = body[-1].expr
    if not isinstance(display, DictExpr):
        return None
    local = local_names(func, body)
    for key, value in display.items:
        if key is not None and constant_str(key, home, api) == RESOURCES:
            if any(
                isinstance(e, NameExpr) and e.name in local
                for e in (value, *get_subexpressions(value))
            ):
                return None
            return value, home
    return None


def _source_tree(mod: MypyFile) -> ast.Module | None:
    path = mod.path
    if not path or not path.endswith(".py"):
        return None
    try:
        st = os.stat(path)
        known = _parsed.get(path)
        if known is not None and known[:2] == (st.st_mtime_ns, st.st_size):
            return known[2]
        with open(path, encoding="utf-8") as f:
            source = f.read()
    except OSError:
        return None
    try:
        tree: ast.Module | None = ast.parse(source, path)
    except (SyntaxError, ValueError):
        tree = None
    _parsed[path] = (st.st_mtime_ns, st.st_size, tree)
    return tree


def _at_module_level(call: CallExpr, mod: MypyFile) -> bool:
    return any(_statement_holding(stmt, call) for stmt in mod.defs)


def _statement_holding(stmt: Statement, call: CallExpr) -> bool:
    if isinstance(stmt, AssignmentStmt):
        exprs = [stmt.rvalue]
    else:
        exprs = [e for e in (getattr(stmt, "expr", None),) if isinstance(e, Expression)]
    return any(call is e or call in get_subexpressions(e) for e in exprs)


def _namespace_definitions(
    mod: MypyFile, kinds: frozenset[str], call: CallExpr, api: CheckerApi
) -> Listed:
    """The definitions of some kinds the module's names hold when `call` runs (bound by the
    statements before the one holding it)."""
    before, after, star_before = _names_around(mod, call)
    out = Listed(complete=False)  # values made by calls are kept too, and not read here
    for name, sym in sorted(mod.names.items()):  # in name order: stable reports
        if name not in before and (not star_before or name in after):
            continue
        captured = node_facts(sym.node) or untyped_definition(sym.node, api)
        if captured is not None and captured.kind in kinds:
            out.items.append(captured)
    return out


def _names_around(mod: MypyFile, call: CallExpr) -> tuple[set[str], set[str], bool]:
    """Names bound by module-level statements before the one holding `call`, by it and the
    ones after, and whether a star import comes before it."""
    before: set[str] = set()
    after: set[str] = set()
    star_before = False
    seen = False
    for stmt in mod.defs:
        seen = seen or _statement_holding(stmt, call) or stmt.line >= call.line
        names = after if seen else before
        pending = [stmt]
        while pending:
            s = pending.pop()
            if isinstance(s, (FuncDef, Decorator, ClassDef)):
                names.add(s.name)
            elif isinstance(s, AssignmentStmt):
                for lv in s.lvalues:
                    names.update(
                        e.name for e in (lv, *get_subexpressions(lv)) if isinstance(e, NameExpr)
                    )
            elif isinstance(s, Import):
                names.update((alias or name).split(".")[0] for name, alias in s.ids)
            elif isinstance(s, ImportFrom):
                names.update(alias or name for name, alias in s.names)
            elif isinstance(s, ImportAll):
                star_before = star_before or not seen
            for block in statement_blocks(s):
                pending += block.body
    return before, after, star_before
