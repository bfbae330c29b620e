"""Is a `Definitions(...)` (or a merge, or a defs folder loader) only a part of a whole?

dagster validates definitions when they are loaded, after the parts have been put together:
a part may require a key that another part binds. A call is a part when it is an argument of
a merge of its module (directly, through a module-level variable, or as what a function of
the module returns), when its module lies in a dg project's defs folder (the folder's
loader puts those together), or when another module of the project imports it and merges.

A `Definitions(...)` is a code location by itself (`is_location`) when it is the value of a
module-level statement, or what a top-level `@definitions` function returns: dagster loads
those. Requirements are then checked even without `resources=`.
"""

from __future__ import annotations

import os

from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    Decorator,
    Expression,
    ExpressionStmt,
    Import,
    ImportAll,
    ImportFrom,
    MemberExpr,
    MypyFile,
    NameExpr,
    ReturnStmt,
    Statement,
    Var,
)
from mypy.server.subexpr import get_subexpressions

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.frameworks import ALL_FRAMEWORKS, Framework
from dagwire.mypy_plugin.names import absolute_import, fullname_of, resolve_ref
from dagwire.mypy_plugin.sources.cache_stamps import record_read
from dagwire.mypy_plugin.sources.dg_project import project_defs_module
from dagwire.mypy_plugin.sources.function_results import returned_expression
from dagwire.mypy_plugin.sources.module_source import module_tree, variable_initializer
from dagwire.mypy_plugin.tree_walk import nested_statements
from dagwire.vocabulary.calls import DEFS_FOLDER, MERGE_METHODS


def _merge_calls(api: CheckerApi, fw: Framework) -> list[CallExpr]:
    # mypy's compiled walk: a module with one big `Definitions(...)` has thousands of nodes.
    out = []
    for expr in get_subexpressions(api.tree):
        if isinstance(expr, CallExpr):
            callee = expr.callee
            if isinstance(callee, MemberExpr) and callee.name in MERGE_METHODS:
                if fullname_of(callee.expr, api.tree, api) == fw.definitions:
                    out.append(expr)
    return out


def _is_this_call(arg: Expression, call: CallExpr, api: CheckerApi) -> bool:
    """`arg` (of a merge in the module being checked) evaluates to `call`."""
    if arg is call:
        return True
    if isinstance(arg, NameExpr):
        node = resolve_ref(arg, api.tree, api)
        if isinstance(node, Var):
            init = variable_initializer(node, api)
            return init is not None and init[0] is call
    if isinstance(arg, CallExpr):  # `Definitions.merge(asset_defs(), ...)`
        returned = returned_expression(arg, api.tree, api)
        return returned is not None and returned[0] is call
    return False


def is_partial(call: object, fw: Framework, api: CheckerApi) -> bool:
    if not isinstance(call, CallExpr):
        return False
    if in_defs_folder(api.tree):
        return True  # dagster's folder loader puts it together with the others
    for merge in _merge_calls(api, fw):
        if merge is not call and any(_is_this_call(arg, call, api) for arg in merge.args):
            return True
    return _merged_elsewhere(call, api)


def in_defs_folder(mod: MypyFile) -> bool:
    """Whether a module lies in a dg project's defs folder (one named `defs`, or the one its
    project's config names)."""
    parts = mod.fullname.split(".")
    if DEFS_FOLDER in (parts if mod.is_package_init_file() else parts[:-1]):
        return True
    if not mod.path:
        return False
    defs_module, _ = project_defs_module(os.path.dirname(mod.path))
    return defs_module is not None and (
        mod.fullname == defs_module or mod.fullname.startswith(f"{defs_module}.")
    )


def is_location(call: CallExpr, fw: Framework, api: CheckerApi) -> bool:
    """Whether dagster would load `call` as a code location: the value of a module-level
    statement, or what a top-level `@definitions` function returns."""
    func = api.scope.top_level_function()
    if func is None:
        return any(_statement_value(stmt) is call for stmt in nested_statements(api.tree.defs))
    sym = api.globals.get(func.name)
    dec = sym.node if sym is not None else None
    if not isinstance(dec, Decorator) or dec.func is not func:
        return False
    if not any(
        fullname_of(e.callee if isinstance(e, CallExpr) else e, api.tree, api)
        == fw.definitions_decorator
        for e in dec.decorators
    ):
        return False
    body = func.body.body
    returned = body[-1].expr if body and isinstance(body[-1], ReturnStmt) else None
    if returned is call:
        return True
    if isinstance(returned, NameExpr):  # `defs = Definitions(...); return defs`
        return any(
            isinstance(stmt, AssignmentStmt)
            and stmt.rvalue is call
            and any(isinstance(lv, NameExpr) and lv.name == returned.name for lv in stmt.lvalues)
            for stmt in body
        )
    return False


def _statement_value(stmt: Statement) -> Expression | None:
    if isinstance(stmt, AssignmentStmt):
        return stmt.rvalue
    if isinstance(stmt, ExpressionStmt):
        return stmt.expr
    return None


def _assigned_variable(call: CallExpr, mod: MypyFile) -> Var | None:
    for stmt in mod.defs:
        if isinstance(stmt, AssignmentStmt) and stmt.rvalue is call:
            for lv in stmt.lvalues:
                if isinstance(lv, NameExpr) and isinstance(lv.node, Var):
                    return lv.node
    return None


# The modules dict last indexed, its size, its modules by top-level name and its top-level
# modules: whether a `Definitions` is merged elsewhere is asked at each module-level
# `Definitions`, and mypy knows some 1,500 modules, nearly all of them no candidate.
_index: list[tuple[dict[str, MypyFile], int, dict[str, list[MypyFile]], list[MypyFile]]] = []


def _may_import(mod: MypyFile, api: CheckerApi) -> list[MypyFile]:
    """The modules of the same project as `mod` that could import it: those of the same
    top-level package, and the top-level modules that are no framework's (a `definitions.py`
    beside it)."""
    modules = api.modules
    if (
        not _index
        or _index[0][0] is not modules
        or _index[0][1] != len(modules)
        or api.options.fine_grained_incremental  # a daemon swaps modules in place
    ):
        by_top: dict[str, list[MypyFile]] = {}
        top_level: list[MypyFile] = []
        for other in list(modules.values()):
            try:
                name = other.fullname
            except AttributeError:  # a module mypy only knows of (not found, not yet loaded)
                continue
            if other.is_stub:
                continue
            by_top.setdefault(name.partition(".")[0], []).append(other)
            if "." not in name and name not in ALL_FRAMEWORKS:
                top_level.append(other)
        _index[:] = [(modules, len(modules), by_top, top_level)]
    _, _, by_top, top_level = _index[0]
    top = mod.fullname.partition(".")[0]
    return [
        other
        for other in (*by_top.get(top, ()), *(m for m in top_level if m.fullname != top))
        if other is not mod
    ]


def _imports(other: MypyFile, mod: MypyFile) -> bool:
    """Whether module `other` imports module `mod` or a name from it, read from its import
    statements (kept apart from its other statements, which mypy may not have built yet): a
    module that imports `mod` is analysed after it, so its symbols cannot say yet."""
    target = mod.fullname
    parent, _, last = target.rpartition(".")
    for imp in other.imports:
        if isinstance(imp, Import):
            if any(i == target for i, _ in imp.ids):
                return True
        elif isinstance(imp, ImportFrom):
            source = absolute_import(other, imp.id, imp.relative)
            if source == target or (source == parent and any(n == last for n, _ in imp.names)):
                return True
        elif isinstance(imp, ImportAll):
            if absolute_import(other, imp.id, imp.relative) == target:
                return True
    return False


def _merged_elsewhere(call: CallExpr, api: CheckerApi) -> bool:
    """`defs = Definitions(...)` in a module that another module of the project imports and
    merges in: dagster validates the merged result, so this is only a part."""
    mod: MypyFile = api.tree
    if _assigned_variable(call, mod) is None:
        return False
    for other in _may_import(mod, api):
        if not _imports(other, mod):
            continue
        tree = module_tree(other, api)
        if tree is None:
            return True  # unreadable: it may merge
        record_read(mod, other)  # whether it merges may change without its types changing
        for expr in get_subexpressions(tree):
            if (
                isinstance(expr, CallExpr)
                and isinstance(expr.callee, MemberExpr)
                and expr.callee.name in MERGE_METHODS
            ):
                return True
    return False
