"""Where a name leads: the module-level definition, class, assignment or local module a name
of one module refers to, across imports and star imports of the project's own modules.

The first floor of the resolver (`resolve.Resolver`): every other answer starts from here.
Every method returns None when it cannot be sure; rules treat None as "stay silent".
"""

from __future__ import annotations

import ast
import os

from dagwire.source_model.imports import IMPORTED, IMPORTED_MODULE, LOCAL, dotted
from dagwire.source_model.module import DecoratedFunction, ModuleModel
from dagwire.source_model.project import ProjectIndex
from dagwire.vocabulary.limits import RESOLVE_DEPTH


class NameResolver:
    def __init__(self, index: ProjectIndex) -> None:
        self.index = index

    def binding_target(
        self, model: ModuleModel, name: str, depth: int = 0
    ) -> tuple[ModuleModel, ast.AST] | None:
        """The module-level def/class/assignment that `name` in `model` refers to."""
        if depth > RESOLVE_DEPTH:
            return None
        binding = model.imports.lookup(name)
        if binding is None:
            if model.imports.star_imports and not model.imports.is_bound(name):
                return self._star_target(model, name, depth)
            return None
        if binding.kind == LOCAL and binding.node is not None:
            return model, binding.node
        if binding.kind == IMPORTED:
            path = self.index.module_path(model, binding.module, binding.level)
            other = self.index.model_for_path(path) if path else None
            if other is not None and other is not model:
                return self.binding_target(other, binding.name, depth + 1)
        return None

    def star_modules(self, model: ModuleModel) -> list[tuple[ModuleModel, list[str] | None]]:
        """Local modules this one star-imports, last first (the last import of a name wins),
        each with the names it exports by `__all__` (None: every public name). A module whose
        `__all__` cannot be read is left out."""
        found: list[tuple[ModuleModel, list[str] | None]] = []
        for module, level in reversed(model.imports.star_imports):
            path = self.index.module_path(model, module, level)
            other = self.index.model_for_path(path) if path else None
            if other is None or other is model:
                continue
            if not other.imports.is_bound("__all__"):
                found.append((other, None))
                continue
            exported = _names_listed(other.imports.local_value("__all__"))
            if exported is not None:
                found.append((other, exported))
        return found

    def _star_target(
        self, model: ModuleModel, name: str, depth: int
    ) -> tuple[ModuleModel, ast.AST] | None:
        """`name` bound only by `from .raw import *`: where the star-imported module binds it."""
        if name.startswith("_"):
            return None
        for other, exported in self.star_modules(model):
            if exported is not None and name not in exported:
                continue
            found = self.binding_target(other, name, depth + 1)
            if found is not None:
                return found
        return None

    def module_ref(self, model: ModuleModel, expr: ast.expr) -> ModuleModel | None:
        """The local module a name refers to (`from . import assets`, `import pkg.assets as a`,
        `pkg.assets` after `import pkg.assets`, a package's submodule named in its own
        `__init__` after `from .assets import x`)."""
        if isinstance(expr, ast.Attribute):
            return self._attribute_module(model, expr)
        if not isinstance(expr, ast.Name):
            return None
        binding = model.imports.lookup(expr.id)
        path: str | None = None
        if binding is None:
            if expr.id in model.imports.submodules and not model.imports.is_bound(expr.id):
                if os.path.basename(model.path) == "__init__.py":
                    path = self.index.module_path(model, expr.id, 1)
        elif binding.kind == IMPORTED:
            qualified = ".".join(part for part in (binding.module, binding.name) if part)
            path = self.index.module_path(model, qualified, binding.level)
        elif binding.kind == IMPORTED_MODULE:
            path = self.index.module_path(model, binding.module, 0)
        if path is None:
            return None
        other = self.index.model_for_path(path)
        return other if other is not model else None

    def _attribute_module(self, model: ModuleModel, expr: ast.Attribute) -> ModuleModel | None:
        """`pkg.defs`: a submodule of a module a name refers to, or a module it imports."""
        name = dotted(expr)
        top = name.split(".", 1)[0] if name else None
        binding = model.imports.lookup(top) if top else None
        if name and binding is not None and binding.kind == IMPORTED_MODULE:
            if binding.module == top:  # `import pkg.defs` binds `pkg`
                path = self.index.module_path(model, name, 0)
                other = self.index.model_for_path(path) if path else None
                if other is not None and other is not model:
                    return other
        base = self.module_ref(model, expr.value)
        if base is None:
            return None
        return self.submodule(base, expr.attr)

    def submodule(self, base: ModuleModel, name: str) -> ModuleModel | None:
        """`name` in module `base`: a module it imports under that name, or its submodule."""
        inner = self.module_ref(base, ast.Name(id=name, ctx=ast.Load()))
        if inner is not None:
            return inner
        if os.path.basename(base.path) != "__init__.py" or base.imports.is_bound(name):
            return None
        path = self.index.module_path(base, name, 1)
        other = self.index.model_for_path(path) if path else None
        return other if other is not base else None

    def target_of(self, model: ModuleModel, expr: ast.expr) -> tuple[ModuleModel, ast.AST] | None:
        if isinstance(expr, ast.Name):
            return self.binding_target(model, expr.id)
        if isinstance(expr, ast.Attribute):
            other = self.module_ref(model, expr.value)
            if other is not None:
                return self.binding_target(other, expr.attr)
        return None

    def definition(
        self, model: ModuleModel, expr: ast.expr
    ) -> tuple[DecoratedFunction, ModuleModel] | None:
        found = self.target_of(model, expr)
        if found is None:
            return None
        owner, node = found
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            decorated = owner.by_name.get(node.name)
            if decorated is not None and decorated.func is node:
                return decorated, owner
        return None


def _names_listed(expr: ast.expr | None) -> list[str] | None:
    """The strings of an `__all__` display (`[...]`, `(...)`, joined with `+`), or None."""
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        left, right = _names_listed(expr.left), _names_listed(expr.right)
        return left + right if left is not None and right is not None else None
    if not isinstance(expr, (ast.List, ast.Tuple)):
        return None
    names = [
        element.value
        for element in expr.elts
        if isinstance(element, ast.Constant) and isinstance(element.value, str)
    ]
    return names if len(names) == len(expr.elts) else None
