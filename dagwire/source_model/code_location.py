"""What a `Definitions` value holds, assembled from source the way Dagster assembles it.

A value is one of: `Definitions(...)` (also through `**` a dict display), `Definitions.merge(
...)` of values, a project function or `@definitions` function returning one (each `return` is
an alternative), a Definitions method that keeps its resources (`map_asset_specs`, ...) or
adds some (`.with_resources(...)`), `load_definitions_from_*(..., resources=)`, and a dg
project's defs folder (`load_from_defs_folder`, `load_defs`): every module's Definitions
object, else its `@definitions` functions, else its `@component_instance` components and
loose definitions, and each YAML component (dagster's `PythonFileComponent` and
`DefsFolderComponent`). Components are read through their class's `build_defs`.

The answer is a list of parts (one per deployment or branch), each with the keys it binds,
the definitions it lists and its asset jobs, or None when what the value binds cannot be read:
then nothing is said about it. A part whose listing could not all be read is marked
incomplete (what it needs may be more). The binding sites (`binding_sites`) and the static
resource catalog read values from here.
"""

from __future__ import annotations

import ast
import os

from dagwire.source_model import defs_folder, globals_builder
from dagwire.source_model.imports import IMPORTED, IMPORTED_MODULE, dotted
from dagwire.source_model.module import FunctionNode, ModuleModel
from dagwire.source_model.resolve import Resolver
from dagwire.source_model.resolve_constants import Item, Variant
from dagwire.source_model.resolve_loaders import Entry, argument
from dagwire.source_model.resolve_values import Scope
from dagwire.source_model.walk import import_root
from dagwire.vocabulary.calls import (
    BUILD_DEFS,
    BUILD_DEFS_FROM_STATE,
    DEFINITIONS_KEEPING_RESOURCES,
    DEFINITIONS_LISTS,
    DEFINITIONS_PARAMETERS,
    LOAD_DEFS_ROOT,
    LOAD_DEFS_TERMINATE,
    MERGE,
    RESOURCES,
    WITH_RESOURCES_METHOD,
)
from dagwire.vocabulary.deployments import MAX_WAYS, paired_by_deployment
from dagwire.vocabulary.limits import RESOLVE_DEPTH
from dagwire.vocabulary.names import (
    ASSET_KINDS,
    CHECK_KINDS,
    COMPONENT_INSTANCE,
    DEFINE_ASSET_JOB,
    DEFINITIONS,
    DEFINITIONS_DECORATOR,
    DEFINITIONS_LOADERS,
    LOAD_DEFS,
    LOAD_FROM_DEFS_FOLDER,
    LOADABLE_KINDS,
    component_binds_no_key,
)

# What a Definitions object's list attribute (`defs.assets`) holds, by kind of definition.
_LIST_KINDS: dict[str, frozenset[str]] = {
    "assets": ASSET_KINDS | CHECK_KINDS,
    "asset_checks": CHECK_KINDS,
    "jobs": frozenset({"job", "graph"}),
    "sensors": frozenset({"sensor"}),
    "schedules": frozenset({"schedule"}),
}

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


class Part:
    """One way a Definitions value may turn out: the keys it binds (a deployment's dict),
    the definitions it lists and its asset jobs (`define_asset_job(...)` calls)."""

    __slots__ = ("label", "bound", "entries", "asset_jobs")

    def __init__(
        self,
        label: str | None = None,
        bound: list[Item] | None = None,
        entries: list[Entry] | None = None,
        asset_jobs: list[tuple[ModuleModel, ast.Call]] | None = None,
    ) -> None:
        self.label = label  # the deployment a `by_env[...]` dict was picked for
        self.bound = bound or []
        self.entries = entries or []
        self.asset_jobs = asset_jobs or []

    def joined(self, other: Part) -> Part:
        return Part(
            self.label or other.label,
            self.bound + other.bound,
            self.entries + other.entries,
            self.asset_jobs + other.asset_jobs,
        )


class Assembled:
    """A Definitions value: its alternatives, and whether everything listed could be read."""

    __slots__ = ("parts", "complete")

    def __init__(self, parts: list[Part], complete: bool = True) -> None:
        self.parts = parts
        self.complete = complete


def merged(values: list[Assembled]) -> Assembled | None:
    """`Definitions.merge(*values)`: every combination of their alternatives (alternatives
    picked by the same deployment names go name by name: vocabulary/deployments.py)."""
    combined = [Part()]
    for value in values:
        parts = value.parts
        pairs = paired_by_deployment([p.label for p in combined], [p.label for p in parts])
        if pairs is None:
            if len(combined) * len(parts) > MAX_WAYS:
                return None
            pairs = [(i, j) for i in range(len(combined)) for j in range(len(parts))]
        combined = [combined[i].joined(parts[j]) for i, j in pairs]
    return Assembled(combined, all(value.complete for value in values))


def either(values: list[Assembled]) -> Assembled:
    """A value that is one of `values` (branches, returns of a function)."""
    return Assembled(
        [part for value in values for part in value.parts],
        all(value.complete for value in values),
    )


def _attribute_owner(expr: ast.expr) -> ast.Name | None:
    """`defs` of `resources=defs.resources`."""
    if isinstance(expr, ast.Attribute) and expr.attr == RESOURCES:
        return expr.value if isinstance(expr.value, ast.Name) else None
    return None


def definitions_argument(call: ast.Call, name: str) -> ast.expr | None:
    """An argument of `Definitions(...)`, by keyword or by position."""
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    position = DEFINITIONS_PARAMETERS.index(name)
    if position < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args):
        return call.args[position]
    return None


def is_merge_call(model: ModuleModel, call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == MERGE
        and model.imports.role(func.value) == DEFINITIONS
    )


def is_definitions_function(model: ModuleModel, func: ast.AST) -> bool:
    """Is this an `@definitions` function (dg merges what it returns)?"""
    return isinstance(func, _FUNCTIONS) and any(
        model.imports.role(d.func if isinstance(d, ast.Call) else d) == DEFINITIONS_DECORATOR
        for d in func.decorator_list
    )


class Assembler:
    """Reads Definitions values for one check (or one catalog), remembering which
    `Definitions(...)` and merge calls it read."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.consumed: set[int] = set()  # ids of the Definitions / merge calls read
        self._folders: dict[tuple[str, bool], Assembled | None] = {}
        self._modules: dict[str, Assembled | None] = {}
        self._active: set[int] = set()  # values being read (a loop of calls stops there)
        # (scope, name) -> the part of a Definitions value whose attributes are being read
        self._pinned: dict[tuple[int, str], Part] = {}

    # -- values ---------------------------------------------------------------------------

    def value(self, scope: Scope, expr: ast.expr, depth: int = 0) -> Assembled | None:
        if depth > RESOLVE_DEPTH or id(expr) in self._active:
            return None
        self._active.add(id(expr))
        try:
            values = self.resolver.values_of(scope, expr)
            if values is None:
                return None
            found = []
            for value_scope, value in values:
                one = self._terminal(value_scope, value, depth)
                if one is None:
                    return None
                found.append(one)
            return either(found)
        finally:
            self._active.discard(id(expr))

    def function_value(self, model: ModuleModel, func: FunctionNode, depth: int = 0) -> (
        Assembled | None
    ):
        """What a function without known arguments returns (`@definitions`, `build_defs`)."""
        body = self.resolver.function_body(model, func)
        if body is None:
            return None
        owner, node = body
        returns = self.resolver.returns(node)
        if returns is None:
            return None
        scope = Scope(owner, node)
        found = []
        for statement in returns:
            assert statement.value is not None
            one = self.value(scope, statement.value, depth + 1)
            if one is None:
                return None
            found.append(one)
        return either(found)

    def _terminal(self, scope: Scope, expr: ast.expr, depth: int) -> Assembled | None:
        if not isinstance(expr, ast.Call):
            return None
        model = scope.model
        role = self.resolver.role_in(scope, expr.func)
        if role == DEFINITIONS:
            return self._definitions(scope, expr, depth)
        func = expr.func
        if isinstance(func, ast.Attribute) and func.attr == MERGE and (
            self.resolver.role_in(scope, func.value) == DEFINITIONS
        ):
            self.consumed.add(id(expr))
            if expr.keywords or any(isinstance(arg, ast.Starred) for arg in expr.args):
                return None
            parts = [self.value(scope, arg, depth + 1) for arg in expr.args]
            known = [part for part in parts if part is not None]
            return merged(known) if len(known) == len(parts) else None
        if role in (LOAD_FROM_DEFS_FOLDER, LOAD_DEFS):
            return self._defs_loader(scope, expr, role)
        if role in DEFINITIONS_LOADERS:
            return self._definitions_loader(scope, expr, role)
        if isinstance(func, ast.Attribute):
            if func.attr in DEFINITIONS_KEEPING_RESOURCES:
                return self.value(scope, func.value, depth + 1)
            if func.attr == WITH_RESOURCES_METHOD and len(expr.args) == 1 and not expr.keywords:
                base = self.value(scope, func.value, depth + 1)
                added = self._bound(scope, expr.args[0], depth)
                if base is None or added is None:
                    return None
                extra = Assembled([Part(label, items) for label, items in added])
                return merged([base, extra])
        if isinstance(func, (ast.Name, ast.Attribute)):
            target = self.resolver.target_of(model, func)
            if target is not None and is_definitions_function(target[0], target[1]):
                assert isinstance(target[1], _FUNCTIONS)
                return self.function_value(target[0], target[1], depth + 1)
        return None

    def _definitions(self, scope: Scope, call: ast.Call, depth: int) -> Assembled | None:
        """`Definitions(...)`: one part per deployment of its resources."""
        self.consumed.add(id(call))
        if any(isinstance(arg, ast.Starred) for arg in call.args):
            return None
        arguments: dict[str, tuple[Scope, ast.expr]] = {}
        for name in DEFINITIONS_PARAMETERS:
            given = definitions_argument(call, name)
            if given is not None:
                arguments[name] = (scope, given)
        gathered: tuple[list[Entry], bool] | None = None
        for keyword in call.keywords:
            if keyword.arg is None:  # Definitions(**collect(...)): a dict display's entries
                splat = self._splatted(scope, keyword.value)
                kept = globals_builder.collected(self.resolver, scope, keyword.value)
                if kept is not None:  # Definitions(**collect(globals())): its lists
                    if splat is None and kept.returns_resources:
                        return None  # what the builder binds is not known
                    splat = {k: v for k, v in (splat or {}).items() if k not in kept.lists}
                    splat.update({name: (scope, ast.List(elts=[])) for name in kept.lists})
                    gathered = (kept.entries, kept.complete)
                if splat is None or any(name in arguments for name in splat):
                    return None  # unknown, or a key given twice (a TypeError)
                arguments.update(splat)
        resources = arguments.get(RESOURCES)
        owner = _attribute_owner(resources[1]) if resources is not None else None
        if resources is not None and owner is not None and gathered is None:
            # `Definitions(resources=defs.resources, assets=defs.assets, ...)`: one part per
            # part of `defs`, its attributes read from that same part
            return self._per_owner_part(resources[0], owner, arguments, depth)
        variants = (
            self._bound(resources[0], resources[1], depth) if resources is not None
            else [(None, [])]
        )
        if variants is None:
            return None
        return self._with_lists(variants, arguments, depth, gathered)

    def _per_owner_part(
        self, scope: Scope, owner: ast.Name, arguments: dict[str, tuple[Scope, ast.expr]],
        depth: int,
    ) -> Assembled | None:
        value = self.value(scope, owner, depth + 1)
        if value is None:
            return None
        key = (id(scope), owner.id)
        found: list[Assembled] = []
        try:
            for part in value.parts:
                self._pinned[key] = part
                one = self._with_lists([(part.label, part.bound)], arguments, depth)
                if one is None:
                    return None
                found.append(one)
        finally:
            self._pinned.pop(key, None)
        return either(found)

    def _with_lists(
        self, variants: list[Variant], arguments: dict[str, tuple[Scope, ast.expr]], depth: int,
        gathered: tuple[list[Entry], bool] | None = None,
    ) -> Assembled | None:
        """`gathered`: the definitions a builder kept of the module's namespace, and whether
        that is all of them."""
        entries: list[Entry] = list(gathered[0]) if gathered is not None else []
        asset_jobs: list[tuple[ModuleModel, ast.Call]] = []
        complete = gathered is None or gathered[1]
        for name in DEFINITIONS_LISTS:
            if name not in arguments:
                continue
            listed_scope, listed = arguments[name]
            listed_entries, listed_jobs, read = self.listing(listed_scope, listed, depth)
            entries += listed_entries
            asset_jobs += listed_jobs
            complete = complete and read
        parts = [Part(label, items, entries, asset_jobs) for label, items in variants]
        return Assembled(parts, complete)

    def _splatted(self, scope: Scope, expr: ast.expr) -> dict[str, tuple[Scope, ast.expr]] | None:
        values = self.resolver.values_of(scope, expr)
        if values is None or len(values) != 1:
            return None
        value_scope, display = values[0]
        if not isinstance(display, ast.Dict):
            return None
        found: dict[str, tuple[Scope, ast.expr]] = {}
        for key, value in zip(display.keys, display.values):
            name = self.resolver.string(value_scope.model, key) if key is not None else None
            if name is None or name not in DEFINITIONS_PARAMETERS:
                return None
            found[name] = (value_scope, value)
        return found

    def _bound(self, scope: Scope, expr: ast.expr, depth: int) -> list[Variant] | None:
        """The dicts of keys a `resources=` argument may bind, one per deployment."""
        values = self.resolver.values_of(scope, expr)
        if values is None:
            return None
        variants: list[Variant] = []
        for value_scope, value in values:
            if isinstance(value, ast.Attribute) and value.attr == RESOURCES:
                owner = self._owner_parts(value_scope, value.value, depth)  # `defs.resources`
                if owner is None:
                    return None
                variants += [(part.label, part.bound) for part in owner]
                continue
            found = self.resolver.dict_variants(value_scope.model, value)
            if found is None:
                return None
            variants += found
        return variants

    def _owner_parts(self, scope: Scope, owner: ast.expr, depth: int) -> list[Part] | None:
        """The parts of a Definitions value whose attributes are read (`defs.assets`): the one
        pinned while a Definitions built from it is read, or all of them."""
        if isinstance(owner, ast.Name):
            pinned = self._pinned.get((id(scope), owner.id))
            if pinned is not None:
                return [pinned]
        value = self.value(scope, owner, depth + 1)
        return value.parts if value is not None else None

    def listing(
        self, scope: Scope, expr: ast.expr, depth: int = 0
    ) -> tuple[list[Entry], list[tuple[ModuleModel, ast.Call]], bool]:
        """What a list argument names: its definitions, its asset jobs, and whether all of it
        could be read."""
        unread: list[tuple[Scope, ast.expr]] = []

        def more(inner_scope: Scope, inner: ast.expr) -> list[Entry] | None:
            if not isinstance(inner, ast.Attribute) or inner.attr not in _LIST_KINDS:
                return None
            owner = self._owner_parts(inner_scope, inner.value, depth)  # `defs.assets`
            if owner is None or len(owner) != 1:
                return None
            kinds = _LIST_KINDS[inner.attr]
            return [e for e in owner[0].entries if e.definition.kind in kinds]

        entries = list(self.resolver.entries(scope, expr, unread, more))
        asset_jobs: list[tuple[ModuleModel, ast.Call]] = []
        complete = True
        for unread_scope, node in unread:
            if isinstance(node, ast.Call):
                if unread_scope.model.imports.role(node.func) == DEFINE_ASSET_JOB:
                    asset_jobs.append((unread_scope.model, node))
                    continue
            complete = False
        return entries, asset_jobs, complete

    def _definitions_loader(self, scope: Scope, call: ast.Call, role: str) -> Assembled | None:
        """`load_definitions_from_modules([...], resources={...})`."""
        how, keyword = DEFINITIONS_LOADERS[role]
        resources = argument(call, 1 if keyword is not None else 0, RESOURCES)
        variants = self._bound(scope, resources, 0) if resources is not None else [(None, [])]
        if variants is None:
            return None
        entries = list(
            self.resolver.loaded_entries(scope.model, call, how, keyword, LOADABLE_KINDS)
        )
        return Assembled([Part(label, items, entries) for label, items in variants], False)

    # -- a dg project's defs folder ---------------------------------------------------------

    def _defs_loader(self, scope: Scope, call: ast.Call, role: str) -> Assembled | None:
        folder = self.loader_folder(scope, call, role)
        if folder is None:
            return None
        return self.folder_value(scope.model, folder[0], folder[1])

    def folder_value(self, anchor: ModuleModel, path: str, terminate: bool) -> Assembled | None:
        """What a dg defs folder holds (`anchor` is a module its imports resolve from)."""
        key = (path, terminate)
        if key not in self._folders:
            self._folders[key] = None  # a folder that loads itself is not read
            items = defs_folder.walk(path, terminate)
            self._folders[key] = self._items(anchor, items) if items is not None else None
        return self._folders[key]

    def loader_folder(self, scope: Scope, call: ast.Call, role: str) -> tuple[str, bool] | None:
        """(the folder, whether keyword files stop the walk) a defs loader call reads."""
        model = scope.model
        if role == LOAD_DEFS:
            root = argument(call, 0, LOAD_DEFS_ROOT)
            terminate = argument(call, 2, LOAD_DEFS_TERMINATE)
            if root is None:
                return None
            flag = True
            if terminate is not None:
                if not isinstance(terminate, ast.Constant) or not isinstance(terminate.value, bool):
                    return None
                flag = terminate.value
            module = self._module_in(scope, root)
            if module is None:  # a namespace package (no `__init__.py`) is a defs root too
                folder = self._namespace_folder(scope, root)
                return (folder, flag) if folder is not None else None
            if os.path.basename(module.path) != "__init__.py":
                return None
            return os.path.dirname(os.path.abspath(module.path)), flag
        found = defs_folder.project_defs_module(model.directory)
        if found is None:
            return None
        project, module_name = found
        folder = defs_folder.module_folder(project, module_name, [import_root(model.directory)])
        return (folder, False) if folder is not None else None

    def _module_in(self, scope: Scope, expr: ast.expr) -> ModuleModel | None:
        """The module an expression names, imports inside the scope's function included."""
        name = expr
        while isinstance(name, ast.Attribute):
            name = name.value
        if isinstance(name, ast.Name):
            local = self.resolver.local_module(scope, name.id)
            if local is not None:
                module, level, imported = local
                dotted = ast.unparse(expr) if not imported else ".".join(
                    part for part in (module, imported) if part
                )
                path = self.resolver.index.module_path(scope.model, dotted, level)
                return self.resolver.index.model_for_path(path) if path else None
        return self.resolver.module_ref(scope.model, expr)

    def _namespace_folder(self, scope: Scope, expr: ast.expr) -> str | None:
        """The folder of a package without `__init__.py` an expression names: `pkg.defs`
        after `import pkg.defs`, `defs` after `from pkg import defs` (Python imports such a
        folder as a namespace package, and `load_defs` walks it)."""
        name = dotted(expr)
        if name is None:
            return None
        top, _, rest = name.partition(".")
        local = self.resolver.local_module(scope, top)
        if local is not None:
            module, level, imported = local
            full = ".".join(part for part in (module, imported, rest) if part) if imported else name
        else:
            imported_name = _imported_path(scope.model, name)
            if imported_name is None:
                return None
            full, level = imported_name
        return self.resolver.index.package_folder(scope.model, full, level)

    def _items(self, anchor: ModuleModel, items: list[defs_folder.Item]) -> Assembled | None:
        values: list[Assembled] = []
        for item in items:
            if item.kind == defs_folder.FOLDER:
                value = self._items(anchor, item.children)
            elif item.kind == defs_folder.YAML:
                value = self._yaml_component(anchor, item.types)
            else:
                value = self.module_value(item.path)
            if value is None:
                return None
            values.append(value)
        return merged(values)

    def module_value(self, path: str) -> Assembled | None:
        """What a module of a defs folder contributes (dagster's `PythonFileComponent`)."""
        if path in self._modules:
            return self._modules[path]
        self._modules[path] = None
        model = self.resolver.index.model_for_path(path)
        value = self._module_value(model) if model is not None else None
        self._modules[path] = value
        return value

    def _module_value(self, model: ModuleModel) -> Assembled | None:
        scope = Scope(model)
        objects: list[Assembled] = []
        lazy: list[FunctionNode] = []
        components: list[FunctionNode] = []
        complete = True
        for stmt in model.tree.body:
            if isinstance(stmt, _FUNCTIONS):
                roles = {
                    model.imports.role(d.func if isinstance(d, ast.Call) else d)
                    for d in stmt.decorator_list
                }
                if DEFINITIONS_DECORATOR in roles:
                    lazy.append(stmt)
                elif COMPONENT_INSTANCE in roles:
                    components.append(stmt)
                continue
            if not isinstance(stmt, (ast.Assign, ast.AnnAssign)):
                continue
            if not isinstance(stmt.value, ast.Call):
                continue
            kind = self._attribute_kind(scope, stmt.value)
            if kind is _UNKNOWN:
                return None  # it may be a Definitions object binding anything
            if isinstance(kind, Assembled):
                objects.append(kind)
            elif kind is _MAYBE_DEFINITION:
                complete = False
        if len(objects) > 1 or (objects and lazy):
            return None  # dagster refuses the module
        if objects:
            return objects[0]
        if lazy:
            values = [self.function_value(model, func) for func in lazy]
            known = [value for value in values if value is not None]
            return merged(known) if len(known) == len(values) else None
        parts: list[Assembled] = []
        for func in components:
            value = self._component_instance(model, func)
            if value is None:
                return None
            parts.append(value)
        entries = list(self.resolver.module_entries(model, LOADABLE_KINDS))
        asset_jobs = [
            (model, stmt.value)
            for stmt in model.tree.body
            if isinstance(stmt, (ast.Assign, ast.AnnAssign))
            and isinstance(stmt.value, ast.Call)
            and model.imports.role(stmt.value.func) == DEFINE_ASSET_JOB
        ]
        parts.append(Assembled([Part(None, [], entries, asset_jobs)], complete))
        return merged(parts)

    def _attribute_kind(self, scope: Scope, call: ast.Call) -> Assembled | object:
        """What a module attribute made by a call is, as dagster's module scan sees it: a
        Definitions object (its value), something else (`_OTHER`: a definition, an asset job,
        any framework object), a definition made where it cannot be read
        (`_MAYBE_DEFINITION`), or something that may be a Definitions object binding any key
        (`_UNKNOWN`)."""
        model = scope.model
        if self._makes_definitions(scope, call):
            value = self.value(scope, call)
            return value if value is not None else _UNKNOWN
        if model.imports.role(call.func) is not None:
            return _OTHER  # a definition or another framework object: read as a definition
        called = self.resolver.called_function(scope, call)
        if called is None:
            return _MAYBE_DEFINITION  # a library's call or a method: unknown definitions
        values = self.resolver.values_of(scope, call)
        if values is None:
            text = self.resolver.index.text(called[0].path) or ""
            return _UNKNOWN if DEFINITIONS in text else _MAYBE_DEFINITION
        if any(self._makes_definitions(s, v) for s, v in values):
            value = self.value(scope, call)
            return value if value is not None else _UNKNOWN
        return _MAYBE_DEFINITION

    def _makes_definitions(self, scope: Scope, expr: ast.expr) -> bool:
        """Does the call make a Definitions object (not following project functions)?"""
        if not isinstance(expr, ast.Call):
            return False
        model = scope.model
        role = model.imports.role(expr.func)
        if role in (DEFINITIONS, LOAD_DEFS, LOAD_FROM_DEFS_FOLDER) or role in DEFINITIONS_LOADERS:
            return True
        if is_merge_call(model, expr):
            return True
        func = expr.func
        if isinstance(func, ast.Attribute) and (
            func.attr in DEFINITIONS_KEEPING_RESOURCES or func.attr == WITH_RESOURCES_METHOD
        ):
            return self._makes_definitions(scope, func.value)
        return False

    def _component_instance(self, model: ModuleModel, func: FunctionNode) -> Assembled | None:
        """`@component_instance def load(context): return LeadsComponent(...)`."""
        body = self.resolver.function_body(model, func)
        returns = self.resolver.returns(body[1]) if body is not None else None
        if body is None or returns is None:
            return None
        values: list[Assembled] = []
        for statement in returns:
            made = statement.value
            if not isinstance(made, ast.Call):
                return None
            if not isinstance(made.func, (ast.Name, ast.Attribute)):
                return None
            value = self._component_of(self.resolver.target_of(body[0], made.func))
            if value is None:
                return None
            values.append(value)
        return either(values)

    def _yaml_component(self, anchor: ModuleModel, types: list[str]) -> Assembled | None:
        """A component declared in YAML: read through its class when the project defines it;
        a library's binds no resource key when the vocabulary says so (what it lists is not
        read), else it may bind any."""
        values: list[Assembled] = []
        for name in types:
            module_name, _, class_name = name.rpartition(".")
            path = self.resolver.index.module_path(anchor, module_name, 0) if module_name else None
            module = self.resolver.index.model_for_path(path) if path else None
            if module is None:
                if not component_binds_no_key(name):
                    return None
                values.append(Assembled([Part()], False))
                continue
            value = self._component_of(self.resolver.binding_target(module, class_name))
            if value is None:
                return None
            values.append(value)
        return merged(values)

    def _component_of(self, found: tuple[ModuleModel, ast.AST] | None) -> Assembled | None:
        """What the component class a name leads to builds; None when it is no class."""
        if found is None or not isinstance(found[1], ast.ClassDef):
            return None
        return self.component_class_value(found[0], found[1])

    def component_class_value(
        self, model: ModuleModel, cls: ast.ClassDef, depth: int = 0, from_state: bool = False
    ) -> Assembled | None:
        """What a component class's `build_defs` returns, through its project bases (the
        first base decides, as it comes first in Python's order). A class whose `build_defs`
        is a library's binds no key when the vocabulary says so of that library class and
        no project class overrides the `build_defs_from_state` it may call (what it lists is
        not read); else it may bind any key."""
        if depth > RESOLVE_DEPTH:
            return None
        for member in cls.body:
            if isinstance(member, _FUNCTIONS) and member.name == BUILD_DEFS:
                return self.function_value(model, member)
            from_state = from_state or (
                isinstance(member, _FUNCTIONS) and member.name == BUILD_DEFS_FROM_STATE
            )
        if not cls.bases:
            return None
        target = self.resolver.target_of(model, cls.bases[0])
        if target is not None and isinstance(target[1], ast.ClassDef):
            return self.component_class_value(target[0], target[1], depth + 1, from_state)
        library = _imported_path(model, dotted(cls.bases[0]) or "")
        if from_state or library is None or library[1] or not component_binds_no_key(library[0]):
            return None
        return Assembled([Part()], False)


# What `_attribute_kind` says of a module attribute that is not a Definitions value.
_OTHER = object()
_UNKNOWN = object()
_MAYBE_DEFINITION = object()


def _imported_path(model: ModuleModel, name: str) -> tuple[str, int] | None:
    """The dotted path and import level of a dotted name whose first part the module
    imports (`dbt.DbtProjectComponent` after `import dagster_dbt as dbt`)."""
    top, _, rest = name.partition(".")
    binding = model.imports.lookup(top)
    if binding is None or binding.kind not in (IMPORTED, IMPORTED_MODULE):
        return None
    return ".".join(part for part in (binding.module, binding.name, rest) if part), binding.level
