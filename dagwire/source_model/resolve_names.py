"""Where a name leads: the module-level definition, class, assignment or local module a name
of one module refers to, across imports and star imports of the project's own modules.

The first floor of the resolver (`resolve.Resolver`): every other answer starts from here.
Every method returns None when it cannot be sure; rules treat None as "stay silent".
"""

from __future__ import annotations

import ast

from dagwire.source_model.imports import IMPORTED, IMPORTED_MODULE, LOCAL
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
        """The local module a name refers to (`from . import assets`, `import pkg.assets as a`)."""
        if not isinstance(expr, ast.Name):
            return None
        binding = model.imports.lookup(expr.id)
        if binding is None:
            return None
        path: str | None = None
        if binding.kind == IMPORTED:
            dotted = ".".join(part for part in (binding.module, binding.name) if part)
            path = self.index.module_path(model, dotted, binding.level)
        elif binding.kind == IMPORTED_MODULE:
            path = self.index.module_path(model, binding.module, 0)
        if path is None:
            return None
        other = self.index.model_for_path(path)
        return other if other is not model else None

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
