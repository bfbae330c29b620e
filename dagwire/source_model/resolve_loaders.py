"""Which definitions a binding site lists: the entries of an `assets=` / `jobs=` / repository
list through names, `+` and `*` splats, `with_resources(...)` (with the keys it binds) and the
asset and check loaders (`load_assets_from_modules`, `..._package_module`,
`..._current_module`), which read modules the way Dagster scans them.

The fifth floor of the resolver (`resolve.Resolver`), on top of `requirements`.
"""

from __future__ import annotations

import ast
import os
from typing import Iterator

from dagwire.source_model.module import DecoratedFunction, ModuleModel
from dagwire.source_model.requirements import RequirementResolver
from dagwire.source_model.walk import package_files
from dagwire.vocabulary.calls import WITH_RESOURCES_DEFINITIONS, WITH_RESOURCES_RESOURCES
from dagwire.vocabulary.limits import RESOLVE_DEPTH
from dagwire.vocabulary.names import BIND_RESOURCES_TO_JOBS, LOADERS, WITH_RESOURCES

_MAX_PACKAGE_MODULES = 300  # a package walked for `load_assets_from_package_module`


class Entry:
    """A definition listed at a binding site and the keys bound around it (`with_resources`)."""

    __slots__ = ("definition", "model", "extra_keys")

    def __init__(
        self,
        definition: DecoratedFunction,
        model: ModuleModel,
        extra_keys: frozenset[str],
    ) -> None:
        self.definition = definition
        self.model = model
        self.extra_keys = extra_keys


class LoaderResolver(RequirementResolver):
    def entries(self, model: ModuleModel, expr: ast.expr, depth: int = 0) -> Iterator[Entry]:
        """The definitions an `assets=` / `jobs=` / repository list names; unknown parts skipped."""
        yield from self._entries(model, expr, frozenset(), depth)

    def _entries(
        self, model: ModuleModel, expr: ast.expr, bound: frozenset[str], depth: int
    ) -> Iterator[Entry]:
        if depth > RESOLVE_DEPTH:
            return
        if isinstance(expr, (ast.List, ast.Tuple, ast.Set)):
            for element in expr.elts:
                inner = element.value if isinstance(element, ast.Starred) else element
                yield from self._entries(model, inner, bound, depth + 1)
        elif isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            yield from self._entries(model, expr.left, bound, depth + 1)
            yield from self._entries(model, expr.right, bound, depth + 1)
        elif isinstance(expr, (ast.Name, ast.Attribute)):
            found = self.definition(model, expr)
            if found is not None:
                yield Entry(found[0], found[1], bound)
                return
            value = self.value_of(model, expr)
            if value is not None:
                yield from self._entries(value[0], value[1], bound, depth + 1)
        elif isinstance(expr, ast.Call):
            yield from self._call_entries(model, expr, bound, depth)

    def _call_entries(
        self, model: ModuleModel, call: ast.Call, bound: frozenset[str], depth: int
    ) -> Iterator[Entry]:
        role = model.imports.role(call.func)
        if role == WITH_RESOURCES:
            defs_expr = argument(call, 1, WITH_RESOURCES_RESOURCES)
            items = self.dict_items(model, defs_expr) if defs_expr is not None else None
            listed = argument(call, 0, WITH_RESOURCES_DEFINITIONS)
            if items is None or listed is None:
                return  # bound keys unknown: say nothing about these definitions
            keys = bound | {item.key for item in items}
            yield from self._entries(model, listed, keys, depth + 1)
        elif role == BIND_RESOURCES_TO_JOBS and call.args:
            yield from self._entries(model, call.args[0], bound, depth + 1)
        elif role in LOADERS:
            how, keyword, kinds = LOADERS[role]
            seen: set[int] = set()
            for module in self._loaded_modules(model, call, how, keyword):
                for decorated, owner in self.module_definitions(module, kinds):
                    if id(decorated.func) not in seen:
                        seen.add(id(decorated.func))
                        yield Entry(decorated, owner, bound)

    def _loaded_modules(
        self, model: ModuleModel, call: ast.Call, how: str, keyword: str | None
    ) -> list[ModuleModel]:
        """The modules a `load_assets_from_*` call reads; the unreadable ones are left out."""
        if how == "current" or keyword is None:
            return [model]
        given = argument(call, 0, keyword)
        if given is None:
            return []
        if how == "package":
            package = self.module_ref(model, given)
            return self._package_modules(package) if package is not None else []
        if isinstance(given, ast.Name):  # ALL_MODULES = [orders, customers]
            found = self.value_of(model, given)
            if found is None:
                return []
            model, given = found
        if not isinstance(given, (ast.List, ast.Tuple)):
            return []
        modules = [self.module_ref(model, element) for element in given.elts]
        return [module for module in modules if module is not None]

    def _package_modules(self, package: ModuleModel) -> list[ModuleModel]:
        """A package and every module below it, as Dagster walks it (pkgutil: sub-packages
        need an `__init__.py`); a plain module stands for itself."""
        if os.path.basename(package.path) != "__init__.py":
            return [package]
        found = [package]
        for path in package_files(os.path.dirname(os.path.abspath(package.path))):
            other = self.index.model_for_path(path)
            if other is not None:
                found.append(other)
            if len(found) > _MAX_PACKAGE_MODULES:
                break
        return found

    def module_definitions(
        self, module: ModuleModel, kinds: frozenset[str]
    ) -> Iterator[tuple[DecoratedFunction, ModuleModel]]:
        """Definitions of some kinds a module holds as attributes: its own module-level ones
        and the ones it imports (`from .orders import orders` in a package's `__init__`)."""
        for decorated in module.functions:
            if decorated.module_level and decorated.kind in kinds:
                yield decorated, module
        for name in module.imports.imported_names():
            found = self.definition(module, ast.Name(id=name, ctx=ast.Load()))
            if found is not None and found[0].kind in kinds:
                yield found
        yield from self._star_definitions(module, kinds, 0)

    def _star_definitions(
        self, module: ModuleModel, kinds: frozenset[str], depth: int
    ) -> Iterator[tuple[DecoratedFunction, ModuleModel]]:
        """Definitions a module holds through `from .raw import *` (what Dagster's module
        scan sees as its attributes)."""
        if depth > RESOLVE_DEPTH:
            return
        for other, exported in self.star_modules(module):
            for decorated in other.functions:
                name = decorated.function_name
                if not decorated.module_level or decorated.kind not in kinds:
                    continue
                if (exported is None and not name.startswith("_")) or (
                    exported is not None and name in exported
                ):
                    yield decorated, other
            yield from self._star_definitions(other, kinds, depth + 1)


def argument(call: ast.Call, position: int, name: str) -> ast.expr | None:
    """A call's argument by keyword, or by position when no `*args` hides the positions."""
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    if len(call.args) > position and not any(isinstance(a, ast.Starred) for a in call.args):
        return call.args[position]
    return None
