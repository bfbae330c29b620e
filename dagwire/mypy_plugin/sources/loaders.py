"""The modules an asset or check loader reads, as dagster's loaders find them.

`load_assets_from_modules([a, b])` / `(modules=[...])`, `load_assets_from_package_module(pkg)`
/ `(package_module=pkg)` and `load_assets_from_package_name("pkg")` (the package and every
module under it), `load_assets_from_current_module()` (the calling module), and their
`load_asset_checks_from_*` twins (`names.LOADERS` says which reads what). A package whose
directory holds a module mypy does not analyse is read incompletely: what it would add is
unknown.
"""

from __future__ import annotations

import os

from mypy.nodes import CallExpr, Expression, ListExpr, MemberExpr, MypyFile, NameExpr, TupleExpr, Var

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.names import call_argument, resolve_ref
from dagwire.mypy_plugin.sources.cache_stamps import record_path
from dagwire.mypy_plugin.sources.constants import constant_str
from dagwire.mypy_plugin.sources.implicit_submodules import implicit_submodule
from dagwire.mypy_plugin.sources.module_source import variable_initializer
from dagwire.mypy_plugin.sources.package_modules import package_modules
from dagwire.vocabulary.names import (
    LOADERS,
    READS_CURRENT,
    READS_MODULES,
    READS_PACKAGE,
    READS_PACKAGE_NAME,
)


def loaded_modules(
    call: CallExpr, loader: str, mod: MypyFile, api: CheckerApi
) -> tuple[list[MypyFile], bool]:
    """The modules a loader call (of the module `mod`) reads, and whether they are all known."""
    reads, keyword, _ = LOADERS[loader]
    if reads == READS_CURRENT:
        return [mod], True
    argument = call_argument(call, 0, keyword)
    if argument is None:
        return [], False
    if reads == READS_MODULES:
        return _listed_modules(argument, mod, api, call)
    if reads == READS_PACKAGE:
        package = resolve_ref(argument, mod, api)
        if not isinstance(package, MypyFile):
            package = implicit_submodule(argument, mod, api, call)
    elif reads == READS_PACKAGE_NAME:
        name = constant_str(argument, mod, api)
        package = api.modules.get(name) if name is not None else None
    else:
        return [], False
    if not isinstance(package, MypyFile):
        return [], False
    return package_and_below(package, api)


def _listed_modules(
    argument: Expression, mod: MypyFile, api: CheckerApi, call: CallExpr
) -> tuple[list[MypyFile], bool]:
    if isinstance(argument, (NameExpr, MemberExpr)):  # ALL_MODULES = [orders, customers]
        node = resolve_ref(argument, mod, api)
        init = variable_initializer(node, api) if isinstance(node, Var) else None
        if init is None:
            return [], False
        argument, mod = init
    if not isinstance(argument, (ListExpr, TupleExpr)):
        return [], False
    found, complete = [], True
    for item in argument.items:
        module = resolve_ref(item, mod, api)
        if not isinstance(module, MypyFile):
            module = implicit_submodule(item, mod, api, call)
        if isinstance(module, MypyFile):
            found.append(module)
        else:
            complete = False
    return found, complete


def package_and_below(package: MypyFile, api: CheckerApi) -> tuple[list[MypyFile], bool]:
    """A package and every module under it that mypy analyses (a plain module stands for
    itself), in name order, and whether that is every module of its directory."""
    if not package.is_package_init_file():
        return [package], True
    prefix = package.fullname + "."
    found = [package, *(m for n, m in api.modules.items() if n.startswith(prefix))]
    on_disk, directories = package_modules(package.fullname, os.path.dirname(package.path))
    for directory in directories:
        record_path(api.tree, directory)  # a module added there re-checks this one
    # a submodule mypy does not analyse: what it holds is unknown
    complete = len(found) == len(on_disk)
    return sorted(found, key=lambda m: m.fullname), complete
