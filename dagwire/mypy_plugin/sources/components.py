"""A dg component's `build_defs`, and the methods it calls on itself, as statements to read.

A component declared in YAML (`type: project.lib.LedgerComponent`) is built by dagster, which
calls its class's `build_defs`: what that returns is a part of the code location. The class
is found by its `type:` among the modules mypy knows; `build_defs` and the `self.method(...)`
calls it makes are read where the project defines them. A method a library's or the
framework's class defines is not read (LIBRARY): such a component binds no resource key when
the vocabulary says so of its nearest library class, as the lint rules take it.
"""

from __future__ import annotations

from mypy.nodes import ClassDef, Decorator, FuncDef, MypyFile, Statement, TypeInfo

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.names import lookup_in_module
from dagwire.mypy_plugin.sources.cache_stamps import record_read
from dagwire.mypy_plugin.sources.function_results import in_project
from dagwire.mypy_plugin.sources.module_source import module_tree
from dagwire.vocabulary.calls import BUILD_DEFS, BUILD_DEFS_FROM_STATE
from dagwire.vocabulary.names import component_binds_no_key

# What `method_of` says of a method a library's or the framework's class defines.
LIBRARY = "library"


class Method:
    """A method of a project class: its node, its statements, its module and class."""

    __slots__ = ("func", "body", "module", "info")

    def __init__(self, func: FuncDef, body: list[Statement], module: MypyFile, info: TypeInfo):
        self.func = func
        self.body = body
        self.module = module
        self.info = info


def component_class(type_name: str, api: CheckerApi) -> TypeInfo | None:
    """The class a component's `type:` names, when mypy knows it."""
    module_name, _, name = type_name.rpartition(".")
    module = api.modules.get(module_name) if module_name else None
    node = lookup_in_module(module, name, api) if module is not None else None
    return node if isinstance(node, TypeInfo) else None


def build_defs(info: TypeInfo, api: CheckerApi) -> Method | str | None:
    return method_of(info, BUILD_DEFS, api)


def inherits_binding_no_key(info: TypeInfo, api: CheckerApi) -> bool:
    """Whether a component whose `build_defs` is a library's binds no resource key: its
    nearest library class is one the vocabulary names, and no project class before it
    overrides the `build_defs_from_state` that library method may call."""
    for base in info.mro:
        home = api.modules.get(base.module_name)
        if home is None or not in_project(home, api.tree):
            return component_binds_no_key(base.fullname)
        if BUILD_DEFS_FROM_STATE in base.names:
            return False
    return False


def method_of(info: TypeInfo, name: str, api: CheckerApi) -> Method | str | None:
    """The method `name` of class `info` (or of the first base defining it): LIBRARY when a
    class outside the project defines it, None when it cannot be read."""
    for base in info.mro:
        sym = base.names.get(name)
        if sym is None:
            continue
        home = api.modules.get(base.module_name)
        if home is None or not in_project(home, api.tree):
            return LIBRARY
        node = sym.node
        func = node.func if isinstance(node, Decorator) else node
        if not isinstance(func, FuncDef) or func.is_static or func.is_class:
            return None
        body = _method_body(func, base, home, api)
        return Method(func, body, home, base) if body else None
    return None


def _method_body(
    func: FuncDef, info: TypeInfo, home: MypyFile, api: CheckerApi
) -> list[Statement] | None:
    """A method's statements: its own, or read again from its module when mypy freed them."""
    if func.body.body:
        return func.body.body
    tree = module_tree(home, api)
    if tree is None or tree is home:
        return None
    record_read(api.tree, home)
    for stmt in tree.defs:
        if isinstance(stmt, ClassDef) and stmt.name == info.name:
            for member in stmt.defs.body:
                target = member.func if isinstance(member, Decorator) else member
                if isinstance(target, FuncDef) and target.name == func.name:
                    return target.body.body
    return None
