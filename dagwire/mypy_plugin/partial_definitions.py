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

from mypy.nodes import CallExpr, Expression, MemberExpr, NameExpr, Var
from mypy.server.subexpr import get_subexpressions

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.enclosing import enclosing_decorators
from dagwire.mypy_plugin.symbols import resolve_ref, variable_initializer

MERGE_METHODS = frozenset({"merge", "merge_unbound_defs"})
DEFINITIONS_DECORATORS = frozenset({"dagster.components.definitions.definitions"})
# dagster's project layout: `load_from_defs_folder` loads and merges every module of `<pkg>.defs`
DEFS_FOLDER = "defs"


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
    return False
