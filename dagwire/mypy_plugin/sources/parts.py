"""Is a `Definitions(...)` call only a part of the code location's definitions?

dagster validates definitions when they are loaded, after `Definitions.merge(...)` has
combined the parts: a part may require a key that another part binds. A call is a part when
it is an argument of a merge call of its module (directly, or through a module-level
variable), when it is built in a function decorated with dagster's `@definitions`, whose
results the loader merges, or when its module is inside a `defs` package (dagster's
`load_from_defs_folder` merges every module found there). Requirements are then not
checked against its `resources=` alone.
"""

from __future__ import annotations

from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    Expression,
    Import,
    ImportAll,
    ImportFrom,
    MemberExpr,
    MypyFile,
    NameExpr,
    Var,
)
from mypy.server.subexpr import get_subexpressions

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.frameworks import ALL_FRAMEWORKS
from dagwire.mypy_plugin.names import absolute_import, resolve_ref
from dagwire.mypy_plugin.sources.cache_stamps import record_read
from dagwire.mypy_plugin.sources.enclosing import enclosing_decorators
from dagwire.mypy_plugin.sources.module_source import module_tree, variable_initializer
from dagwire.vocabulary.calls import DEFS_FOLDER, MERGE_METHODS
from dagwire.vocabulary.names import DEFINITIONS_DECORATOR
from dagwire.vocabulary.qualified import QUALIFIED

DEFINITIONS_DECORATORS = frozenset(
    names[DEFINITIONS_DECORATOR] for names in QUALIFIED.values() if DEFINITIONS_DECORATOR in names
)


def _merge_calls(api: CheckerApi, definitions_class: str) -> list[CallExpr]:
    # mypy's compiled walk: a module with one big `Definitions(...)` has thousands of nodes.
    out = []
    for expr in get_subexpressions(api.tree):
        if isinstance(expr, CallExpr):
            callee = expr.callee
            if isinstance(callee, MemberExpr) and callee.name in MERGE_METHODS:
                owner = resolve_ref(callee.expr, api.tree, api)
                if owner is not None and owner.fullname == definitions_class:
                    out.append(expr)
    return out


def _is_this_call(arg: Expression, call: CallExpr, api: CheckerApi) -> bool:
    if arg is call:
        return True
    if isinstance(arg, NameExpr):
        node = resolve_ref(arg, api.tree, api)
        if isinstance(node, Var):
            init = variable_initializer(node, api)
            return init is not None and init[0] is call
    return False


def is_partial(call: object, definitions_class: str, api: CheckerApi) -> bool:
    if not isinstance(call, CallExpr):
        return False
    if DEFS_FOLDER in api.tree.fullname.split(".")[:-1]:
        return True  # under a `defs/` package: dagster's folder loader merges it with others
    chain = enclosing_decorators(api) or []
    for decorators in chain:
        for expr in decorators:
            target = expr.callee if isinstance(expr, CallExpr) else expr
            node = resolve_ref(target, api.tree, api)
            if node is not None and node.fullname in DEFINITIONS_DECORATORS:
                return True
    for merge in _merge_calls(api, definitions_class):
        if any(_is_this_call(arg, call, api) for arg in merge.args):
            return True
    return _merged_elsewhere(call, api)


def _assigned_variable(call: CallExpr, mod: MypyFile) -> Var | None:
    for stmt in mod.defs:
        if isinstance(stmt, AssignmentStmt) and stmt.rvalue is call:
            for lv in stmt.lvalues:
                if isinstance(lv, NameExpr) and isinstance(lv.node, Var):
                    return lv.node
    return None


def _may_import(other: MypyFile, mod: MypyFile) -> bool:
    """Whether `other` is a module of the same project as `mod` that could import it: a module
    of the same top-level package, or a top-level module (a `definitions.py` beside it)."""
    if other is mod or other.is_stub:
        return False
    try:
        name = other.fullname
    except AttributeError:  # a module mypy only knows of (not found, not yet loaded)
        return False
    top = mod.fullname.partition(".")[0]
    if name == top or name.startswith(f"{top}."):
        return True
    return "." not in name and name not in ALL_FRAMEWORKS


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
    for other in list(api.modules.values()):
        if not _may_import(other, mod):
            continue
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
