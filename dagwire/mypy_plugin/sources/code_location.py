"""Assemble a whole from its parts, as dagster loads a code location.

`Definitions.merge(a, b, ...)` puts its parts together; each part is followed to its
`Definitions(...)` call (an argument, a module-level variable of this or another module, a
builder function's result, a nested merge, a `Definitions` method that keeps what it binds).
`load_from_defs_folder(...)` / `load_defs(...)` put together every module of a dg project's
defs folder (`dg_project.py` says which): a module's `Definitions` object, else its
`@definitions` functions' results, else the definitions it holds. Parts that cannot be
followed (a YAML or Python component, a function whose result is not plain) make the whole
incomplete: nothing is then said about keys such a part could bind.
"""

from __future__ import annotations

import os
from collections.abc import Collection

from mypy.nodes import (
    CallExpr,
    Decorator,
    Expression,
    FuncDef,
    MemberExpr,
    MypyFile,
    NameExpr,
    RefExpr,
    Var,
    get_member_expr_fullname,
)
from mypy.types import Instance, get_proper_type

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.names import call_argument, call_kwargs, fullname_of, resolve_ref
from dagwire.mypy_plugin.sources.cache_stamps import record_path, record_read
from dagwire.mypy_plugin.sources.definition_lists import (
    Listed,
    listed_definitions,
    module_definitions,
)
from dagwire.mypy_plugin.sources.dg_project import project_defs_module, walk_defs_folder
from dagwire.mypy_plugin.sources.function_results import function_result, returned_expression
from dagwire.mypy_plugin.sources.module_source import module_tree, variable_initializer
from dagwire.mypy_plugin.sources.resource_dicts import (
    ResourceDict,
    merge_candidates,
    resolve_resources,
)
from dagwire.vocabulary.calls import (
    DEFINITIONS_KEEPING_RESOURCES,
    LOAD_DEFS_ROOT,
    LOAD_DEFS_TERMINATE,
    MERGE_METHODS,
    RESOURCES,
    WITH_RESOURCES_METHOD,
)
from dagwire.vocabulary.names import LOAD_DEFS, LOADABLE_KINDS

MAX_DEPTH = 8


class Whole:
    """What the parts of a whole bind and list together. Plain classes: facts/carrier.py."""

    __slots__ = ("candidates", "listed", "any_resources")

    def __init__(self) -> None:
        self.candidates: list[ResourceDict] = [ResourceDict()]
        self.listed = Listed()
        self.any_resources = False  # whether any part has `resources=`

    def incomplete(self) -> None:
        """A part that cannot be read: it may bind anything, and list anything."""
        for cand in self.candidates:
            cand.complete = False
        self.listed.complete = False


class Assembly:
    """Follows the parts of a whole into `whole`."""

    def __init__(self, fw: Framework, api: CheckerApi) -> None:
        self.fw = fw
        self.api = api
        self.whole = Whole()

    def part(self, expr: Expression, mod: MypyFile, depth: int = 0) -> None:
        """Add what `expr` (in module `mod`), a `Definitions` value, binds and lists."""
        api = self.api
        if depth > MAX_DEPTH:
            self.whole.incomplete()
            return
        if isinstance(expr, (NameExpr, MemberExpr)):
            node = resolve_ref(expr, mod, api)
            init = variable_initializer(node, api) if isinstance(node, Var) else None
            if init is None:
                self.whole.incomplete()
                return
            self.part(init[0], init[1], depth + 1)
            return
        if not isinstance(expr, CallExpr):
            self.whole.incomplete()
            return
        callee = expr.callee
        name = fullname_of(callee, mod, api)
        if name == self.fw.definitions:
            self.definitions_call(expr, mod)
        elif name in self.fw.defs_loaders:
            self.defs_folder(expr, mod, depth)
        elif isinstance(callee, MemberExpr) and callee.name in MERGE_METHODS and (
            fullname_of(callee.expr, mod, api) == self.fw.definitions
        ):
            for arg in expr.args:
                self.part(arg, mod, depth + 1)
        elif isinstance(callee, MemberExpr) and callee.name in DEFINITIONS_KEEPING_RESOURCES:
            self.part(callee.expr, mod, depth + 1)  # `defs.map_asset_specs(...)`
        elif isinstance(callee, MemberExpr) and callee.name == WITH_RESOURCES_METHOD:
            self.part(callee.expr, mod, depth + 1)  # `defs.with_resources({...})`
            self.resources(call_argument(expr, 0, RESOURCES), mod)
        else:
            returned = returned_expression(expr, mod, api)
            if returned is None:
                self.whole.incomplete()
            else:
                self.part(returned[0], returned[1], depth + 1)

    def definitions_call(self, call: CallExpr, mod: MypyFile) -> None:
        kwargs = call_kwargs(call)
        if RESOURCES in kwargs:
            self.resources(kwargs[RESOURCES], mod)
        self.whole.listed.extend(listed_definitions(kwargs, mod, self.api))

    def resources(self, expr: Expression | None, mod: MypyFile) -> None:
        whole = self.whole
        whole.any_resources = True
        found = resolve_resources(expr, mod, self.api) if expr is not None else None
        whole.candidates = merge_candidates(
            whole.candidates, found or [ResourceDict(complete=False)]
        )

    def defs_folder(self, call: CallExpr, mod: MypyFile, depth: int) -> None:
        """`load_from_defs_folder(...)` / `load_defs(defs_root)`: every module dagster loads
        from the project's defs folder."""
        api = self.api
        package = defs_package(call, mod, self.fw, api)
        if package is None:
            self.whole.incomplete()
            return
        stop = self.fw.defs_loaders[fullname_of(call.callee, mod, api)] == LOAD_DEFS
        if stop and call_argument(call, 2, LOAD_DEFS_TERMINATE) is not None:
            self.whole.incomplete()  # which files are loaded depends on the flag's value
            return
        walked = walk_defs_folder(package[0], package[1], stop)
        for directory in walked.directories:
            record_path(api.tree, directory)  # a module added there re-checks this one
        if walked.has_yaml_component:
            self.whole.incomplete()
        for name in walked.module_names:
            module = api.modules.get(name)
            if module is None:
                self.whole.incomplete()  # a module mypy does not analyse
            else:
                self.defs_module(module, depth + 1)

    def defs_module(self, module: MypyFile, depth: int) -> None:
        """What one module of a defs folder gives: its `Definitions` object, else what its
        `@definitions` functions return, else its components and its own definitions."""
        api = self.api
        objects = [
            node for node in (sym.node for sym in module.names.values())
            if isinstance(node, Var) and self.is_definitions(node)
        ]
        if len(objects) == 1:
            self.part(NameExpr(objects[0].name), module, depth)
            return
        if objects:
            self.whole.incomplete()  # dagster refuses a module with two
            return
        tree = module_tree(module, api)
        if tree is None:
            self.whole.incomplete()
            return
        if tree is not module:
            record_read(api.tree, module)
        functions = [stmt for stmt in tree.defs if isinstance(stmt, Decorator)]
        lazy = [
            dec for dec in functions
            if self.decorated_with(dec, module, {self.fw.definitions_decorator})
        ]
        if lazy:
            for dec in lazy:
                self.definitions_function(dec.func, module, depth)
            return
        if any(self.decorated_with(dec, module, {self.fw.component_loader}) for dec in functions):
            self.whole.incomplete()  # a Python component: what it builds is not read
        loose = Listed()
        module_definitions(module, LOADABLE_KINDS, loose, None, api, depth)
        self.whole.listed.extend(loose)

    def definitions_function(self, func: FuncDef, module: MypyFile, depth: int) -> None:
        """The `Definitions` an `@definitions` function of a defs module returns."""
        result = function_result(func, module, self.api)
        if result is None:
            self.whole.incomplete()  # what it returns is not plain: not read
            return
        self.part(result[0], result[1], depth + 1)

    def is_definitions(self, var: Var) -> bool:
        t = get_proper_type(var.type) if var.type is not None else None
        return isinstance(t, Instance) and t.type.fullname == self.fw.definitions

    def decorated_with(self, dec: Decorator, module: MypyFile, wanted: Collection[str]) -> bool:
        for expr in dec.decorators:
            target = expr.callee if isinstance(expr, CallExpr) else expr
            if fullname_of(target, module, self.api) in wanted:
                return True
        return False


def defs_package(
    call: CallExpr, mod: MypyFile, fw: Framework, api: CheckerApi
) -> tuple[str, str] | None:
    """(module name, folder) of the defs package a defs folder loader call of module `mod`
    loads, when mypy knows it."""
    if fw.defs_loaders.get(fullname_of(call.callee, mod, api)) == LOAD_DEFS:
        root = call_argument(call, 0, LOAD_DEFS_ROOT)
        if root is None:
            return None
        package = resolve_ref(root, mod, api)
        if isinstance(package, MypyFile):
            return _package_folder(package.fullname, api)
        # a namespace package (no `__init__.py`) has no node: its dotted name is its path
        name = root.fullname if isinstance(root, RefExpr) and root.fullname else (
            get_member_expr_fullname(root) if isinstance(root, MemberExpr) else None
        )
        return _package_folder(name, api) if name else None
    name, config = project_defs_module(os.path.dirname(mod.path))
    if config is not None:
        record_path(api.tree, config)
    return _package_folder(name, api) if name is not None else None


def _package_folder(name: str, api: CheckerApi) -> tuple[str, str] | None:
    """(name, folder) of the package `name`: a regular package mypy analyses, or a folder
    without `__init__.py` below one (a namespace package, which Python imports too)."""
    module = api.modules.get(name)
    if module is not None:
        if module.is_package_init_file():
            return name, os.path.dirname(module.path)
        # mypy's node of a namespace package has the folder as its path
        return (name, module.path) if os.path.isdir(module.path) else None
    parts = name.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        parent = api.modules.get(".".join(parts[:cut]))
        if parent is None:
            continue
        if not parent.is_package_init_file():
            return None
        folder = os.path.join(os.path.dirname(parent.path), *parts[cut:])
        return (name, folder) if os.path.isdir(folder) else None
    return None


def assembled(call: CallExpr, fw: Framework, api: CheckerApi) -> Whole:
    """The whole a merge or a defs folder loader call of the module being checked makes."""
    assembly = Assembly(fw, api)
    assembly.part(call, api.tree)
    return assembly.whole
