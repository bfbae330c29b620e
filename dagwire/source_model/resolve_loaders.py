"""Which definitions a binding site lists: the entries of an `assets=` / `jobs=` / repository
list through names, `+` and `*` splats, `with_resources(...)` (with the keys it binds) and the
asset and check loaders (`load_assets_from_modules`, `..._package_module`,
`..._current_module`), which read modules the way Dagster scans them.

The fifth floor of the resolver (`resolve.Resolver`), on top of `requirements`.
"""

from __future__ import annotations

import ast
import os
from typing import Callable, Generator, Iterator

from dagwire.source_model.imports import IMPORTED
from dagwire.source_model.module import DecoratedFunction, ModuleModel
from dagwire.source_model.project import ProjectIndex
from dagwire.source_model.requirements import RequirementResolver
from dagwire.source_model.resolve_values import Scope
from dagwire.source_model.walk import package_files
from dagwire.vocabulary.calls import (
    ASSET_METHODS_KEEPING_REQUIREMENTS,
    RESOURCE_DEFS,
    TARGET_KEYWORDS,
    TO_JOB,
    WITH_RESOURCES_DEFINITIONS,
    WITH_RESOURCES_RESOURCES,
)
from dagwire.vocabulary.limits import RESOLVE_DEPTH
from dagwire.vocabulary.names import (
    BIND_RESOURCES_TO_JOBS,
    BUILD_SCHEDULE_FROM_PARTITIONED_JOB,
    JOB_TRIGGERS,
    LIBRARY_LIST_WRAPPERS,
    LIST_WRAPPERS,
    LOADERS,
    READS_CURRENT,
    READS_MODULE,
    READS_PACKAGE,
    READS_PACKAGE_NAME,
    WITH_RESOURCES,
)

_MAX_PACKAGE_MODULES = 300  # a package walked for `load_assets_from_package_module`


# How a job made from a graph (`graph.to_job(...)`) is bound: by its own `resource_defs=`
# (checked where it is made), or where it is listed.
JOB_BINDS_ITSELF = "binds itself"
JOB_BOUND_WHERE_LISTED = "bound where listed"


class Entry:
    """A definition listed at a binding site and the keys bound around it (`with_resources`).
    For a graph listed as a job (`graph.to_job()`), `job` says how the job is bound."""

    __slots__ = ("definition", "model", "extra_keys", "job")

    def __init__(
        self,
        definition: DecoratedFunction,
        model: ModuleModel,
        extra_keys: frozenset[str],
        job: str | None = None,
    ) -> None:
        self.definition = definition
        self.model = model
        self.extra_keys = extra_keys
        self.job = job


class LoaderResolver(RequirementResolver):
    def __init__(self, index: ProjectIndex) -> None:
        super().__init__(index)
        self._scanning: set[int] = set()  # modules whose attributes are being listed
        # `with_resources(...)` calls read as part of a listing (their keys bound around it)
        self.with_resources_read: set[int] = set()

    def entries(
        self,
        scope: ModuleModel | Scope,
        expr: ast.expr,
        unread: list[tuple[Scope, ast.expr]] | None = None,
        more: Callable[[Scope, ast.expr], list[Entry] | None] | None = None,
    ) -> Iterator[Entry]:
        """The definitions an `assets=` / `jobs=` / repository list names. What cannot be read
        is skipped and, when `unread` is given, recorded there; `more` is asked first about
        the expressions this floor cannot read (a Definitions object's `.assets`)."""
        start = scope if isinstance(scope, Scope) else Scope(scope)
        yield from self._entries(start, expr, frozenset(), 0, unread, more)

    def _entries(
        self,
        scope: Scope,
        expr: ast.expr,
        bound: frozenset[str],
        depth: int,
        unread: list[tuple[Scope, ast.expr]] | None,
        more: Callable[[Scope, ast.expr], list[Entry] | None] | None,
    ) -> Iterator[Entry]:
        if depth > RESOLVE_DEPTH:
            _record(unread, scope, expr)
            return

        def inner(next_scope: Scope, next_expr: ast.expr) -> Iterator[Entry]:
            return self._entries(next_scope, next_expr, bound, depth + 1, unread, more)

        if isinstance(expr, (ast.List, ast.Tuple, ast.Set)):
            for element in expr.elts:
                if isinstance(element, ast.Starred):
                    element = element.value
                yield from inner(scope, element)
            return
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            yield from inner(scope, expr.left)
            yield from inner(scope, expr.right)
            return
        if isinstance(expr, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            kept = _kept_iterable(expr)
            if kept is not None:  # [a.with_attributes(...) for a in assets]: what it lists
                if kept is not expr.elt:
                    _record(unread, scope, expr.elt)  # and maybe more
                yield from inner(scope, expr.generators[0].iter)
                return
            # [table_asset(name) for name in NAMES]: every element is made the same way
            targets = frozenset(
                name for generator in expr.generators for name in _names(generator.target)
            )
            yield from inner(scope.hiding(targets), expr.elt)
            return
        if isinstance(expr, ast.Constant) and expr.value is None:
            return  # `assets=None` (or one branch of `x if ... else None`)
        if more is not None:
            extra = more(scope, expr)
            if extra is not None:
                for entry in extra:
                    yield Entry(entry.definition, entry.model, entry.extra_keys | bound, entry.job)
                return
        if isinstance(expr, (ast.Name, ast.Attribute)):
            found = self._listed_definition(scope, expr)
            if found is not None:
                yield Entry(found[0], found[1], bound)
                return
            unpacked = self._unpacked(scope, expr)
            if unpacked is not None:
                element_scope, element, keys = unpacked
                yield from self._entries(
                    element_scope, element, bound | keys, depth + 1, unread, more
                )
                return
        if isinstance(expr, ast.Call):
            handled = yield from self._call_entries(scope, expr, bound, depth, unread, more)
            if handled:
                return
        if isinstance(expr, ast.Subscript):
            picked = self._subscript_values(scope, expr)
            if picked is None:
                _record(unread, scope, expr)
            for picked_scope, value in picked or []:
                yield from inner(picked_scope, value)
            return
        values = self.values_of(scope, expr)
        if values is None or any(value is expr for _, value in values):
            _record(unread, scope, expr)
            return
        for value_scope, value in values:
            yield from inner(value_scope, value)

    def _listed_definition(
        self, scope: Scope, expr: ast.Name | ast.Attribute
    ) -> tuple[DecoratedFunction, ModuleModel] | None:
        """A definition named directly: made inside the scope's function, or at module level."""
        if isinstance(expr, ast.Name) and self.is_local(scope, expr.id):
            local = self.local_definition(scope, expr.id)
            return (local, scope.model) if local is not None else None
        return self.definition(scope.model, expr)

    def _unpacked(
        self, scope: Scope, expr: ast.Name | ast.Attribute
    ) -> tuple[Scope, ast.expr, frozenset[str]] | None:
        """`a, b = with_resources([x, y], {...})` (or `= [x, y]`) at module level: the element
        `a` is, with the keys bound around it."""
        if isinstance(expr, ast.Name) and self.is_local(scope, expr.id):
            return None
        found = self.target_of(scope.model, expr)
        if found is None:
            return None
        owner, statement = found
        if not isinstance(statement, ast.Assign):
            return None
        name = expr.id if isinstance(expr, ast.Name) else expr.attr
        value: ast.expr | None = statement.value
        for target in statement.targets:
            if not isinstance(target, (ast.Tuple, ast.List)):
                continue
            names = [e.id if isinstance(e, ast.Name) else None for e in target.elts]
            if name not in names:
                continue
            index = names.index(name)
            keys: frozenset[str] = frozenset()
            if isinstance(value, ast.Call) and owner.imports.role(value.func) == WITH_RESOURCES:
                self.with_resources_read.add(id(value))
                resources = argument(value, 1, WITH_RESOURCES_RESOURCES)
                items = self.dict_items(owner, resources) if resources is not None else None
                if items is None:
                    return None
                keys = frozenset(item.key for item in items)
                value = argument(value, 0, WITH_RESOURCES_DEFINITIONS)
            if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(names):
                element = value.elts[index]
                if not isinstance(element, ast.Starred):
                    return Scope(owner), element, keys
        return None

    def _subscript_values(
        self, scope: Scope, expr: ast.Subscript
    ) -> list[tuple[Scope, ast.expr]] | None:
        """`BUILT["orders"]` where BUILT is a dict display (or a function returning one)."""
        key = self.string(scope.model, expr.slice)
        if key is None:
            return None
        tables = self.values_of(scope, expr.value)
        if tables is None:
            return None
        picked: list[tuple[Scope, ast.expr]] = []
        for table_scope, table in tables:
            if not isinstance(table, ast.Dict):
                return None
            values = [
                value
                for name, value in zip(table.keys, table.values)
                if name is not None and self.string(table_scope.model, name) == key
            ]
            if len(values) != 1:
                return None
            picked.append((table_scope, values[0]))
        return picked

    def _call_entries(
        self,
        scope: Scope,
        call: ast.Call,
        bound: frozenset[str],
        depth: int,
        unread: list[tuple[Scope, ast.expr]] | None,
        more: Callable[[Scope, ast.expr], list[Entry] | None] | None,
    ) -> Generator[Entry, None, bool]:
        """The entries of a call this floor knows (True), or False to follow it as a value."""
        model = scope.model
        role = model.imports.role(call.func)

        def inner(next_expr: ast.expr, keys: frozenset[str] = bound) -> Iterator[Entry]:
            return self._entries(scope, next_expr, keys, depth + 1, unread, more)

        if role == WITH_RESOURCES:
            self.with_resources_read.add(id(call))
            defs_expr = argument(call, 1, WITH_RESOURCES_RESOURCES)
            items = self.dict_items(model, defs_expr) if defs_expr is not None else None
            listed = argument(call, 0, WITH_RESOURCES_DEFINITIONS)
            if items is None or listed is None:
                _record(unread, scope, call)
                return True  # bound keys unknown: say nothing about these definitions
            yield from inner(listed, bound | {item.key for item in items})
        elif role == BIND_RESOURCES_TO_JOBS and call.args:
            yield from inner(call.args[0])
        elif role in LOADERS:
            how, keyword, kinds = LOADERS[role]
            for entry in self.loaded_entries(model, call, how, keyword, kinds):
                yield Entry(entry.definition, entry.model, entry.extra_keys | bound, entry.job)
        elif role in LIST_WRAPPERS or self._is_library_wrapper(model, call.func) or (
            _is_builtin_copy(model, call)
        ):
            listed = call.args[0] if call.args else None
            if listed is None or isinstance(listed, ast.Starred):
                _record(unread, scope, call)
            else:
                yield from inner(listed)
        elif role in JOB_TRIGGERS:
            if role == BUILD_SCHEDULE_FROM_PARTITIONED_JOB:
                target = argument(call, 0, "job")
            else:
                target = next((k.value for k in call.keywords if k.arg in TARGET_KEYWORDS), None)
            if target is not None:
                yield from inner(target)
        elif isinstance(call.func, ast.Attribute) and call.func.attr == TO_JOB:
            graph = self._listed_definition(scope, call.func.value) if isinstance(
                call.func.value, (ast.Name, ast.Attribute)
            ) else None
            resource_defs = argument(call, 99, RESOURCE_DEFS)
            if graph is None or graph[0].kind != "graph" or any(
                isinstance(arg, ast.Starred) for arg in call.args
            ) or any(keyword.arg is None for keyword in call.keywords):
                _record(unread, scope, call)
                return True
            items = self.dict_items(model, resource_defs) if resource_defs is not None else []
            if items is None:
                _record(unread, scope, call)
                return True
            # a job that binds keys of its own is checked where it is made (`to_job(...)`)
            how = JOB_BINDS_ITSELF if items else JOB_BOUND_WHERE_LISTED
            yield Entry(graph[0], graph[1], bound, how)
        else:
            return False
        return True

    def _is_library_wrapper(self, model: ModuleModel, func: ast.expr) -> bool:
        if not isinstance(func, ast.Name):
            return False
        binding = model.imports.lookup(func.id)
        if binding is None or binding.kind != IMPORTED or binding.level != 0:
            return False
        return binding.name in LIBRARY_LIST_WRAPPERS.get(binding.module, ())

    def loaded_entries(
        self, model: ModuleModel, call: ast.Call, how: str, keyword: str | None,
        kinds: frozenset[str],
    ) -> Iterator[Entry]:
        """The definitions of some kinds a loader call takes from the modules it reads."""
        seen: set[int] = set()
        for module in self._loaded_modules(model, call, how, keyword):
            for entry in self.module_entries(module, kinds):
                if id(entry.definition.func) not in seen:
                    seen.add(id(entry.definition.func))
                    yield entry

    def _loaded_modules(
        self, model: ModuleModel, call: ast.Call, how: str, keyword: str | None
    ) -> list[ModuleModel]:
        """The modules a `load_assets_from_*` call reads; the unreadable ones are left out."""
        if how == READS_CURRENT or keyword is None:
            return [model]
        given = argument(call, 0, keyword)
        if given is None:
            return []
        if how in (READS_PACKAGE, READS_PACKAGE_NAME, READS_MODULE):
            if how == READS_PACKAGE_NAME:
                name = self.string(model, given)
                path = self.index.module_path(model, name, 0) if name else None
                package = self.index.model_for_path(path) if path else None
            else:
                package = self.module_ref(model, given)
            if package is None:
                return []
            return [package] if how == READS_MODULE else self._package_modules(package)
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

    def module_entries(self, module: ModuleModel, kinds: frozenset[str]) -> Iterator[Entry]:
        """Definitions of some kinds a module holds as attributes, as Dagster's module scan
        finds them: its own module-level ones, the ones it imports (`from .orders import
        orders` in a package's `__init__`) or star-imports, and the definitions its
        module-level lists and `with_resources(...)` results hold."""
        for decorated, owner in self.module_definitions(module, kinds):
            yield Entry(decorated, owner, frozenset())
        if id(module) in self._scanning:
            return  # a list of the module made by a loader of the module itself
        self._scanning.add(id(module))
        try:
            yield from self._listed_attributes(module, kinds)
        finally:
            self._scanning.discard(id(module))

    def _listed_attributes(self, module: ModuleModel, kinds: frozenset[str]) -> Iterator[Entry]:
        for stmt in module.tree.body:
            if not isinstance(stmt, (ast.Assign, ast.AnnAssign)) or stmt.value is None:
                continue
            value = stmt.value
            if isinstance(value, ast.Call):
                role = module.imports.role(value.func)
                if role not in LOADERS and role not in _LISTING_CALLS:
                    continue
            elif not isinstance(value, (ast.List, ast.Tuple, ast.BinOp)):
                continue
            for entry in self.entries(module, value):
                if entry.definition.kind in kinds:
                    yield entry

    def module_definitions(
        self, module: ModuleModel, kinds: frozenset[str]
    ) -> Iterator[tuple[DecoratedFunction, ModuleModel]]:
        """The decorated definitions of some kinds a module holds by name: its own
        module-level ones, the ones it imports and the ones it star-imports."""
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


def _record(
    unread: list[tuple[Scope, ast.expr]] | None, scope: Scope, expr: ast.expr
) -> None:
    if unread is not None:
        unread.append((scope, expr))


def _kept_iterable(expr: ast.ListComp | ast.SetComp | ast.GeneratorExp) -> ast.expr | None:
    """The element of a comprehension that lists each item of its one iterable unfiltered:
    the loop name itself, or a call of a method keeping the item's requirements on it (then
    the call is returned, else the name)."""
    if len(expr.generators) != 1 or expr.generators[0].ifs:
        return None
    target, element = expr.generators[0].target, expr.elt
    if not isinstance(target, ast.Name):
        return None
    if isinstance(element, ast.Name) and element.id == target.id:
        return element
    if isinstance(element, ast.Call) and isinstance(element.func, ast.Attribute):
        owner = element.func.value
        if element.func.attr in ASSET_METHODS_KEEPING_REQUIREMENTS and isinstance(owner, ast.Name):
            return element if owner.id == target.id else None
    return None


def _names(target: ast.expr) -> Iterator[str]:
    for node in ast.walk(target):
        if isinstance(node, ast.Name):
            yield node.id


# Calls whose result a module scan reads as definitions (besides the loaders).
_LISTING_CALLS = frozenset({WITH_RESOURCES, *LIST_WRAPPERS, *JOB_TRIGGERS})

# Builtins that copy the sequence they are given.
_COPIES = frozenset({"list", "tuple", "sorted", "set"})


def _is_builtin_copy(model: ModuleModel, call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Name)
        and func.id in _COPIES
        and model.imports.lookup(func.id) is None
        and len(call.args) == 1
        and not call.keywords
    )


def argument(call: ast.Call, position: int, name: str) -> ast.expr | None:
    """A call's argument by keyword, or by position when no `*args` hides the positions."""
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    if len(call.args) > position and not any(isinstance(a, ast.Starred) for a in call.args):
        return call.args[position]
    return None
