"""Module-level name bindings: which local name means which framework symbol or local module.

A name is resolved only when every module-level binding of it agrees; a name bound by a
framework import in `try:` and by a user's own class in `except ImportError:` resolves to
nothing, so the tools stay silent about it.
"""

from __future__ import annotations

import ast
from typing import Iterator

from dagwire.vocabulary.names import framework_of, integration_role, role_of

# Binding kinds
SYMBOL = "symbol"  # a framework name: `role` says which
FRAMEWORK_MODULE = "framework_module"  # `import dagster as dg`: `module` is "dagster"
OS_MODULE = "os_module"  # `import os`
OS_NAME = "os_name"  # `from os import getenv`: `name` is the imported name
IMPORTED = "imported"  # `from .assets import orders`: module/level/name locate it
IMPORTED_MODULE = "imported_module"  # `import pkg.assets as a`: module/level locate it
LOCAL = "local"  # def / class / assignment in this module: `node` is it
OTHER = "other"  # anything else (another library, a star import, ...)


class Binding:
    __slots__ = ("kind", "role", "module", "level", "name", "node")

    def __init__(
        self,
        kind: str,
        role: str = "",
        module: str = "",
        level: int = 0,
        name: str = "",
        node: ast.AST | None = None,
    ) -> None:
        self.kind = kind
        self.role = role
        self.module = module
        self.level = level
        self.name = name
        self.node = node


def _module_level_statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Statements run at import: descend into if/try/with blocks, not into defs."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, ast.If):
            yield from _module_level_statements(stmt.body)
            yield from _module_level_statements(stmt.orelse)
        elif isinstance(stmt, ast.Try):
            yield from _module_level_statements(stmt.body)
            for handler in stmt.handlers:
                yield from _module_level_statements(handler.body)
            yield from _module_level_statements(stmt.orelse)
            yield from _module_level_statements(stmt.finalbody)
        elif isinstance(stmt, ast.With):
            yield from _module_level_statements(stmt.body)


def imports_framework(tree: ast.Module) -> bool:
    """Cheap early-exit test: does the module import dagster or dagwire at module level, or
    an integration library's asset decorator (`from dagster_sling import sling_assets`: such
    a module may define assets without importing dagster itself)?"""
    for stmt in _module_level_statements(tree.body):
        if isinstance(stmt, ast.Import):
            if any(framework_of(alias.name) for alias in stmt.names):
                return True
        elif isinstance(stmt, ast.ImportFrom) and stmt.level == 0 and stmt.module:
            if framework_of(stmt.module) or any(
                integration_role(stmt.module, alias.name) for alias in stmt.names
            ):
                return True
    return False


def imported_role(module: str, name: str) -> str | None:
    """The role of `from <module> import <name>` (an absolute import), None if it is none."""
    framework = framework_of(module)
    if framework:
        return role_of(framework, name)
    return integration_role(module, name)


def _bindings_of_import(stmt: ast.Import) -> Iterator[tuple[str, Binding]]:
    for alias in stmt.names:
        framework = framework_of(alias.name)
        top = alias.name.split(".", 1)[0]
        if alias.asname:
            if framework:
                yield alias.asname, Binding(FRAMEWORK_MODULE, module=framework)
            elif alias.name == "os":
                yield alias.asname, Binding(OS_MODULE)
            else:
                yield alias.asname, Binding(IMPORTED_MODULE, module=alias.name)
        elif framework:
            yield top, Binding(FRAMEWORK_MODULE, module=framework)
        elif top == "os":
            yield top, Binding(OS_MODULE)
        else:
            yield top, Binding(IMPORTED_MODULE, module=top)


def _bindings_of_import_from(stmt: ast.ImportFrom) -> Iterator[tuple[str, Binding]]:
    module = stmt.module or ""
    framework = framework_of(module) if stmt.level == 0 else None
    for alias in stmt.names:
        local = alias.asname or alias.name
        if alias.name == "*":
            continue  # names unknown here: `ImportTable.star_imports` lets the resolver look
        if framework:
            role = role_of(framework, alias.name)
            yield local, Binding(SYMBOL, role=role) if role else Binding(OTHER)
        elif stmt.level == 0 and module == "os":
            yield local, Binding(OS_NAME, name=alias.name)
        elif stmt.level == 0 and integration_role(module, alias.name):
            yield local, Binding(SYMBOL, role=alias.name)
        else:
            yield local, Binding(IMPORTED, module=module, level=stmt.level, name=alias.name)


def _assigned_names(target: ast.expr) -> Iterator[str]:
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            yield from _assigned_names(element)


# Methods that change a dict, set or list in place.
_MUTATORS = frozenset({
    "update", "setdefault", "pop", "popitem", "clear", "add", "discard", "remove", "append",
    "extend", "insert", "difference_update", "intersection_update",
    "symmetric_difference_update", "__setitem__", "__delitem__",
})


def _mutated_names(stmt: ast.stmt) -> Iterator[str]:
    """Module-level names changed in place (`RESOURCES["slack"] = ...`, `KEYS.add("db")`,
    `del RESOURCES["x"]`): their displayed value is not what they hold, so they must not
    resolve (a dict grown under `if prod:` would otherwise look like it lacks keys)."""
    if isinstance(stmt, ast.Expr):
        call = stmt.value
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute):
            if call.func.attr in _MUTATORS and isinstance(call.func.value, ast.Name):
                yield call.func.value.id
        return
    targets: list[ast.expr] = []
    if isinstance(stmt, (ast.Delete, ast.Assign)):
        targets = stmt.targets
    elif isinstance(stmt, (ast.AugAssign, ast.AnnAssign)):
        targets = [stmt.target]
    for target in targets:
        for element in target.elts if isinstance(target, (ast.Tuple, ast.List)) else [target]:
            if isinstance(element, ast.Subscript) and isinstance(element.value, ast.Name):
                yield element.value.id


class ImportTable:
    """All module-level bindings of one module, by local name."""

    def __init__(self, tree: ast.Module) -> None:
        self._bindings: dict[str, list[Binding]] = {}
        # `from .raw import *` of local modules: (module, level), in source order
        self.star_imports: list[tuple[str, int]] = []
        # `from .assets import x` in a package's `__init__` also binds `assets`, the submodule
        # (Python sets it on the package): the first names of `from .X... import` statements
        self.submodules: set[str] = set()
        for stmt in _module_level_statements(tree.body):
            if isinstance(stmt, ast.ImportFrom) and stmt.level == 1 and stmt.module:
                self.submodules.add(stmt.module.split(".", 1)[0])
            if isinstance(stmt, ast.ImportFrom) and any(a.name == "*" for a in stmt.names):
                if stmt.level > 0 or not framework_of(stmt.module or ""):
                    self.star_imports.append((stmt.module or "", stmt.level))
            if isinstance(stmt, ast.Import):
                for name, binding in _bindings_of_import(stmt):
                    self._add(name, binding)
            elif isinstance(stmt, ast.ImportFrom):
                for name, binding in _bindings_of_import_from(stmt):
                    self._add(name, binding)
            elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                self._add(stmt.name, Binding(LOCAL, node=stmt))
            elif isinstance(stmt, ast.Assign):
                for target in stmt.targets:
                    for name in _assigned_names(target):
                        self._add(name, Binding(LOCAL, node=stmt))
            elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                if stmt.value is not None:
                    self._add(stmt.target.id, Binding(LOCAL, node=stmt))
            elif isinstance(stmt, (ast.AugAssign, ast.For, ast.AsyncFor)):
                target = stmt.target
                for name in _assigned_names(target):
                    self._add(name, Binding(OTHER))
            if isinstance(stmt, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete, ast.Expr)):
                for name in _mutated_names(stmt):
                    self._add(name, Binding(OTHER))

    def _add(self, name: str, binding: Binding) -> None:
        self._bindings.setdefault(name, []).append(binding)

    def is_bound(self, name: str) -> bool:
        """Is `name` bound in this module by anything but a star import?"""
        return name in self._bindings

    def lookup(self, name: str) -> Binding | None:
        """The one binding of `name`, or None when it is unbound or bound in conflicting ways."""
        found = self._bindings.get(name)
        if not found:
            return None
        first = found[0]
        for other in found[1:]:
            if (other.kind, other.role, other.module, other.level, other.name) != (
                first.kind, first.role, first.module, first.level, first.name
            ) or other.kind == LOCAL:
                return None
        return first

    def bindings_of(self, name: str) -> list[Binding]:
        """Every module-level binding of `name`, agreeing or not."""
        return self._bindings.get(name, [])

    def names(self) -> list[str]:
        """Every name bound at module level (star imports aside), in order of first binding."""
        return list(self._bindings)

    def local_value(self, name: str) -> ast.expr | None:
        """The value a module-level constant of this module was assigned (`COMMON = {...}`)."""
        binding = self.lookup(name)
        if binding is None or binding.kind != LOCAL:
            return None
        return assigned_value(binding.node)

    def imported_names(self) -> list[str]:
        """Names bound only by `from <module> import name` of a non-framework module."""
        return [
            name
            for name, found in self._bindings.items()
            if all(binding.kind == IMPORTED for binding in found)
        ]

    def role(self, expr: ast.expr) -> str | None:
        """The framework role an expression names (`asset`, `dg.asset`, `dagster.asset`)."""
        if isinstance(expr, ast.Name):
            binding = self.lookup(expr.id)
            if binding is not None and binding.kind == SYMBOL:
                return binding.role
            return None
        if isinstance(expr, ast.Attribute):
            root: ast.expr = expr.value
            while isinstance(root, ast.Attribute):  # dagwire.runtime.asset
                root = root.value
            if isinstance(root, ast.Name):
                binding = self.lookup(root.id)
                if binding is not None and binding.kind == FRAMEWORK_MODULE:
                    return role_of(binding.module, expr.attr)
        return None

    def is_os_call(self, func: ast.expr, name: str) -> bool:
        """`os.getenv` / `getenv` (from os) / `os.environ.get` spelled through imports."""
        if isinstance(func, ast.Name):
            binding = self.lookup(func.id)
            return binding is not None and binding.kind == OS_NAME and binding.name == name
        if isinstance(func, ast.Attribute) and func.attr == name:
            return self.is_os_module(func.value)
        return False

    def is_os_environ(self, expr: ast.expr) -> bool:
        if isinstance(expr, ast.Name):
            binding = self.lookup(expr.id)
            return binding is not None and binding.kind == OS_NAME and binding.name == "environ"
        return (
            isinstance(expr, ast.Attribute)
            and expr.attr == "environ"
            and self.is_os_module(expr.value)
        )

    def is_os_module(self, expr: ast.expr) -> bool:
        if isinstance(expr, ast.Name):
            binding = self.lookup(expr.id)
            return binding is not None and binding.kind == OS_MODULE
        return False


def assigned_value(statement: ast.AST | None) -> ast.expr | None:
    """The value a module-level statement gives its one name: `X = ...`, `X: T = ...`."""
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        return statement.value if isinstance(statement.targets[0], ast.Name) else None
    if isinstance(statement, ast.AnnAssign):
        return statement.value
    return None


def dotted(expr: ast.expr) -> str | None:
    """`a.b.C` for a chain of names, None for anything else."""
    parts: list[str] = []
    while isinstance(expr, ast.Attribute):
        parts.append(expr.attr)
        expr = expr.value
    if not isinstance(expr, ast.Name):
        return None
    parts.append(expr.id)
    return ".".join(reversed(parts))
