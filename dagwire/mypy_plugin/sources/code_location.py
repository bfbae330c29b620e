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
    DictExpr,
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
from dagwire.mypy_plugin.frameworks import ALL_FRAMEWORKS, Framework
from dagwire.mypy_plugin.names import call_argument, call_kwargs, fullname_of, resolve_ref
from dagwire.mypy_plugin.sources.cache_stamps import record_path, record_read
from dagwire.mypy_plugin.sources.components import (
    LIBRARY,
    Method,
    build_defs,
    component_class,
    inherits_binding_no_key,
    method_of,
)
from dagwire.mypy_plugin.sources.definition_lists import (
    Listed,
    listed_definitions,
    module_definitions,
)
from dagwire.mypy_plugin.sources.dg_project import (
    defs_folder_on_disk,
    is_library_component,
    project_defs_module,
    walk_defs_folder,
)
from dagwire.mypy_plugin.sources.function_results import function_body, project_callable
from dagwire.mypy_plugin.sources.local_values import (
    UNKNOWN,
    Scope,
    call_scope,
    local_value,
    mentions_local,
    resolve_in_scope,
    returned_values,
    self_method_name,
)
from dagwire.mypy_plugin.sources.module_source import (
    function_source,
    module_tree,
    variable_initializer,
)
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
from dagwire.vocabulary.limits import RESOLVE_DEPTH
from dagwire.vocabulary.names import LOAD_DEFS, LOADABLE_KINDS, component_binds_no_key

# Steps followed from the location to a part: a name, a call, a function's return, a module.
MAX_DEPTH = RESOLVE_DEPTH


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

    def part(self, expr: Expression, scope: Scope, depth: int = 0) -> None:
        """Add what `expr` (read in `scope`), a `Definitions` value, binds and lists."""
        api = self.api
        mod = scope.module
        if depth > MAX_DEPTH:
            self.whole.incomplete()
            return
        # what another module's statements say may change while its types do not
        record_read(api.tree, mod)
        if isinstance(expr, NameExpr):
            local = local_value(expr, scope)
            if isinstance(local, tuple):
                self.part(local[0], local[1], depth + 1)
                return
            if local == UNKNOWN:
                self.whole.incomplete()
                return
        if isinstance(expr, (NameExpr, MemberExpr)):
            if mentions_local(expr, scope):
                self.whole.incomplete()  # an attribute of a function's own value
                return
            node = resolve_ref(expr, mod, api)
            init = variable_initializer(node, api) if isinstance(node, Var) else None
            if init is None:
                self.whole.incomplete()
                return
            self.part(init[0], Scope(init[1]), depth + 1)
            return
        if not isinstance(expr, CallExpr):
            self.whole.incomplete()
            return
        callee = expr.callee
        node = resolve_in_scope(callee, scope, api)
        name = node.fullname if node is not None else ""
        if name == self.fw.definitions:
            self.definitions_call(expr, scope, depth)
        elif name in self.fw.defs_loaders:
            self.defs_folder(expr, scope, name, depth)
        elif isinstance(callee, MemberExpr) and callee.name in MERGE_METHODS and (
            _fullname_in(callee.expr, scope, api) == self.fw.definitions
        ):
            for arg in expr.args:
                self.part(arg, scope, depth + 1)
        elif isinstance(callee, MemberExpr) and callee.name in DEFINITIONS_KEEPING_RESOURCES:
            self.part(callee.expr, scope, depth + 1)  # `defs.map_asset_specs(...)`
        elif isinstance(callee, MemberExpr) and callee.name == WITH_RESOURCES_METHOD:
            self.part(callee.expr, scope, depth + 1)  # `defs.with_resources({...})`
            self.resources(call_argument(expr, 0, RESOURCES), scope, depth)
        elif (method := self_method_name(expr, scope)) is not None:
            self.method_value(expr, scope, method, depth)
        else:
            found = project_callable(node, api)
            body = function_body(found[0], found[1], api) if found is not None else None
            if found is None or body is None:
                self.whole.incomplete()
                return
            called = call_scope(expr, scope, found[0], found[1], body)
            self.function_value(called, depth + 1)

    def method_value(self, call: CallExpr, scope: Scope, name: str, depth: int) -> None:
        """`self.build(...)` in a component's method: the method the component's class has."""
        assert scope.instance is not None
        found = method_of(scope.instance, name, self.api)
        if not isinstance(found, Method):
            self.whole.incomplete()  # a library's method: what it returns is not read
            return
        called = call_scope(call, scope, found.func, found.module, found.body, scope.instance)
        self.function_value(called, depth + 1)

    def component(self, type_name: str, package: tuple[str, str], depth: int) -> None:
        """A component declared in YAML: what its class's `build_defs` returns; a library's
        binds no key when the vocabulary says so, else it may bind any."""
        if component_binds_no_key(type_name):
            self.whole.listed.complete = False  # binds nothing; what it lists is unknown
            return
        if type_name.partition(".")[0] in ALL_FRAMEWORKS or is_library_component(
            type_name, package[0], package[1]
        ):
            self.whole.incomplete()  # `DefinitionsComponent`, resource components, ...
            return
        info = component_class(type_name, self.api)
        found = build_defs(info, self.api) if info is not None else None
        if found == LIBRARY and info is not None and inherits_binding_no_key(info, self.api):
            self.whole.listed.complete = False
        elif isinstance(found, Method) and info is not None:
            self.function_value(
                Scope(found.module, found.func, found.body, instance=info), depth + 1
            )
        else:
            self.whole.incomplete()

    def function_value(self, scope: Scope, depth: int) -> None:
        """What the scope's function returns: each `return` is one way it may turn out."""
        returned = returned_values(scope)
        if returned is None:
            self.whole.incomplete()
            return
        if len(returned) == 1:
            self.part(returned[0], scope, depth)
            return
        ways = []
        for value in returned:
            way = Assembly(self.fw, self.api)
            way.part(value, scope, depth)
            ways.append(way.whole)
        self.add(either(ways))

    def add(self, other: Whole) -> None:
        """Put a whole assembled apart together with this one."""
        whole = self.whole
        whole.candidates = merge_candidates(whole.candidates, other.candidates)
        whole.listed.extend(other.listed)
        whole.any_resources = whole.any_resources or other.any_resources

    def definitions_call(self, call: CallExpr, scope: Scope, depth: int) -> None:
        kwargs = call_kwargs(call)
        if RESOURCES in kwargs:
            self.resources(kwargs[RESOURCES], scope, depth)
        # a function's own names are followed in it (a local list, a local definition)
        self.whole.listed.extend(listed_definitions(kwargs, scope.module, self.api, scope))

    def resources(self, expr: Expression | None, scope: Scope, depth: int) -> None:
        whole = self.whole
        whole.any_resources = True
        owner = _resources_owner(expr)
        if owner is not None:
            # `Definitions(resources=defs.resources, ...)`: what that value binds
            way = Assembly(self.fw, self.api)
            way.part(owner, scope, depth + 1)
            whole.candidates = merge_candidates(whole.candidates, way.whole.candidates)
            return
        found = (
            resolve_resources(expr, scope.module, self.api)
            if expr is not None and _readable_dict(expr, scope) else None
        )
        whole.candidates = merge_candidates(
            whole.candidates, found or [ResourceDict(complete=False)]
        )

    def defs_folder(self, call: CallExpr, scope: Scope, loader: str, depth: int) -> None:
        """`load_from_defs_folder(...)` / `load_defs(defs_root)` (the loader's qualified name):
        every module dagster loads from the project's defs folder."""
        api = self.api
        package = defs_package(call, scope, self.fw.defs_loaders[loader], api)
        if package is None:
            self.whole.incomplete()
            return
        stop = self.fw.defs_loaders[loader] == LOAD_DEFS
        if stop and call_argument(call, 2, LOAD_DEFS_TERMINATE) is not None:
            self.whole.incomplete()  # which files are loaded depends on the flag's value
            return
        walked = walk_defs_folder(package[0], package[1], stop)
        for path in walked.paths:
            record_path(api.tree, path)  # a module added, a `type:` edited: re-checked
        if walked.has_yaml_component:
            self.whole.incomplete()
        for component in walked.component_types:
            self.component(component, package, depth + 1)
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
            self.part(NameExpr(objects[0].name), Scope(module), depth)
            return
        if objects:
            self.whole.incomplete()  # dagster refuses a module with two
            return
        functions = self.decorated_functions(module)
        if functions is None:
            tree = module_tree(module, api)
            if tree is None:
                self.whole.incomplete()
                return
            functions = [stmt for stmt in tree.defs if isinstance(stmt, Decorator)]
        if not module.defs:
            record_read(api.tree, module)
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
        body = function_body(func, module, self.api)
        if body is None:
            self.whole.incomplete()  # its statements are not known: not read
            return
        self.function_value(Scope(module, func, body), depth)

    def is_definitions(self, var: Var) -> bool:
        t = get_proper_type(var.type) if var.type is not None else None
        return isinstance(t, Instance) and t.type.fullname == self.fw.definitions

    def decorated_functions(self, module: MypyFile) -> list[Decorator] | None:
        """The module-level functions of a module mypy freed that have a decorator the defs
        folder's loader looks for (`@definitions`, a Python component), each parsed from its
        own lines, as a parse of the module would give them, in the order of its text; found
        by its symbol table, so a long module is not parsed again. None when the table cannot
        say (mypy's cache keeps no decorators) or a function's lines cannot be read alone."""
        if module.defs:
            return None
        wanted = {self.fw.definitions_decorator, self.fw.component_loader}
        prefix = f"{module.fullname}."
        found: list[Decorator] = []
        for sym in module.names.values():
            node = sym.node
            if not isinstance(node, Decorator) or not node.fullname.startswith(prefix):
                continue
            if not node.decorators:
                return None
            if self.decorated_with(node, module, wanted):
                # a definition parsed from lines that start a line is one at module level
                parsed = function_source(node.func, module, self.api)
                if not isinstance(parsed, Decorator):
                    return None
                found.append(parsed)
        return sorted(found, key=lambda dec: dec.line)

    def decorated_with(self, dec: Decorator, module: MypyFile, wanted: Collection[str]) -> bool:
        for expr in dec.decorators:
            target = expr.callee if isinstance(expr, CallExpr) else expr
            if fullname_of(target, module, self.api) in wanted:
                return True
        return False


def defs_package(
    call: CallExpr, scope: Scope, kind: str, api: CheckerApi
) -> tuple[str, str] | None:
    """(module name, folder) of the defs package a call (read in `scope`) of a defs folder
    loader of `kind` (`LOAD_DEFS`, ...) loads, when mypy knows it."""
    mod = scope.module
    if kind == LOAD_DEFS:
        root = call_argument(call, 0, LOAD_DEFS_ROOT)
        if root is None:
            return None
        package = resolve_in_scope(root, scope, api)
        if isinstance(package, MypyFile):
            return _package_folder(package.fullname, api)
        # a namespace package (no `__init__.py`) has no node: its dotted name is its path
        name = root.fullname if isinstance(root, RefExpr) and root.fullname else (
            get_member_expr_fullname(root) if isinstance(root, MemberExpr) else None
        )
        return _package_folder(name, api) if name else None
    start = os.path.dirname(mod.path)
    name, config = project_defs_module(start)
    if config is not None:
        record_path(api.tree, config)
    if name is None:
        return None
    found = _package_folder(name, api)
    if found is None and not any(part in api.modules for part in _prefixes(name)):
        # a namespace package mypy holds no node for (a warm run loads only what the
        # changed modules need): its folder on disk; its modules are still looked up by name
        folder = defs_folder_on_disk(start)
        return (name, folder) if folder is not None else None
    return found


def _package_folder(name: str, api: CheckerApi) -> tuple[str, str] | None:
    """(name, folder) of the package `name`: a regular package mypy analyses, or a folder
    without `__init__.py` below one (a namespace package, which Python imports too)."""
    module = api.modules.get(name)
    if module is not None and module.is_package_init_file():
        return name, os.path.dirname(module.path)
    if module is not None and os.path.isdir(module.path):
        return name, module.path  # mypy's node of a namespace package has the folder as path
    # No node, or a namespace package's node from a cache written where the project was
    # elsewhere (mypy stores that folder's absolute path): the folder below a parent's.
    parts = name.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        parent = api.modules.get(".".join(parts[:cut]))
        if parent is None:
            continue
        if parent.is_package_init_file():
            base = os.path.dirname(parent.path)
        elif os.path.isdir(parent.path):
            base = parent.path
        else:
            continue
        folder = os.path.join(base, *parts[cut:])
        return (name, folder) if os.path.isdir(folder) else None
    return None


def _prefixes(name: str) -> list[str]:
    """`a`, `a.b`, `a.b.c` of `a.b.c`."""
    parts = name.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def assembled(call: CallExpr, fw: Framework, api: CheckerApi) -> Whole:
    """The whole a merge or a defs folder loader call of the module being checked makes."""
    assembly = Assembly(fw, api)
    assembly.part(call, checked_scope(api))
    return assembly.whole


def checked_scope(api: CheckerApi) -> Scope:
    """The scope of the expression being checked: the function mypy is in, if any."""
    func = api.scope.current_function()
    if isinstance(func, FuncDef) and func.body.body:
        return Scope(api.tree, func, func.body.body)
    return Scope(api.tree)


def either(ways: list[Whole]) -> Whole:
    """A value that turns out as one of `ways` (the returns of a function). Each way's
    dicts are checked against what the ways list together, except where a way does not
    list all of it: what another way lists may not be bound there, and that is no mistake
    of this way."""
    out = Whole()
    out.candidates = []
    names = [{(item.kind, item.name) for item in way.listed.items} for way in ways]
    together = set().union(*names)
    seen: set[tuple[str, str]] = set()
    for way, listed in zip(ways, names):
        if not together <= listed:
            way.incomplete()
        out.candidates += way.candidates
        out.any_resources = out.any_resources or way.any_resources
        out.listed.complete = out.listed.complete and way.listed.complete
        out.listed.local_keys |= way.listed.local_keys
        for item in way.listed.items:
            if (item.kind, item.name) not in seen:
                seen.add((item.kind, item.name))
                out.listed.items.append(item)
    return out


def _fullname_in(expr: Expression, scope: Scope, api: CheckerApi) -> str:
    node = resolve_in_scope(expr, scope, api)
    return node.fullname if node is not None else ""


def _readable_dict(expr: Expression, scope: Scope) -> bool:
    """Whether the keys of a `resources=` argument can be read in its module: it reads no
    name of its function, or it is a dict display whose keys and `**` parts read none (the
    values' classes are not compared for a whole: they may read them)."""
    if not mentions_local(expr, scope):
        return True
    return isinstance(expr, DictExpr) and not any(
        mentions_local(value if key is None else key, scope) for key, value in expr.items
    )


def _resources_owner(expr: Expression | None) -> NameExpr | None:
    """`defs` of `resources=defs.resources`."""
    if isinstance(expr, MemberExpr) and expr.name == RESOURCES and isinstance(expr.expr, NameExpr):
        return expr.expr
    return None
