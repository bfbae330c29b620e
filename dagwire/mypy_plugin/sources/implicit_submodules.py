"""The submodule a package's own relative import binds by the way.

`from .assets import daily_totals` (or `from .assets import *`) in a package's `__init__.py`
also sets the package's attribute `assets` to the submodule: Python does it on import, and
code passes that never-assigned name to a loader (`load_assets_from_modules([assets])`,
`load_assets_from_package_module(package_module=assets)`). mypy does not bind the name (it
reports it undefined); dagster loads the submodule. So does the plugin, where the name is
bound by nothing else at that point: undefined for mypy, or the variable the loader's own
statement assigns (`assets = load_assets_from_package_module(package_module=assets)`).
"""

from __future__ import annotations

from mypy.nodes import CallExpr, Expression, MypyFile, NameExpr, Var

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.names import resolve_ref
from dagwire.mypy_plugin.sources.module_source import module_tree, variable_initializer
from dagwire.mypy_plugin.sources.package_modules import imports_submodule


def implicit_submodule(
    expr: Expression, mod: MypyFile, api: CheckerApi, loading: CallExpr
) -> MypyFile | None:
    """The submodule `expr` names in package `mod` when only the import of that submodule
    binds the name where `loading` reads it; None otherwise."""
    if not isinstance(expr, NameExpr) or not mod.is_package_init_file():
        return None
    node = resolve_ref(expr, mod, api)
    if node is not None:
        if not isinstance(node, Var):
            return None
        init = variable_initializer(node, api)
        if init is None or init[0] is not loading:
            return None  # a value of its own where the loader reads it
    target = f"{mod.fullname}.{expr.name}"
    submodule = api.modules.get(target)
    # a module loaded from mypy's cache keeps no imports: its source says
    tree = module_tree(mod, api) if submodule is not None else None
    if tree is None or not imports_submodule(tree.imports, mod.fullname, expr.name):
        return None
    return submodule
