"""What the names of one module mean, as dotted names: a framework role, or the qualified
name of a project object (`from .resources import Db` in `pkg.assets` is `pkg.resources.Db`).

For the tools that key project-wide facts by qualified name (`dagwire migrate` collects which
classes are resources and which key is bound to which class across the whole project); the
lint rules follow the same bindings (`imports.ImportTable`) to files instead.
"""

from __future__ import annotations

import ast

from dagwire.source_model.imports import (
    FRAMEWORK_MODULE,
    IMPORTED,
    IMPORTED_MODULE,
    LOCAL,
    OS_MODULE,
    OS_NAME,
    SYMBOL,
    Binding,
    ImportTable,
    dotted,
)
from dagwire.vocabulary.names import INTEGRATION_DECORATORS, role_of


class QualifiedNames:
    """The module-level names of one module, by what they are."""

    def __init__(self, module: str, tree: ast.Module, is_package: bool = False) -> None:
        self.module = module
        self.imports = ImportTable(tree)
        # what `from . import x` starts from: the package itself, or the module's package
        self._package = module if is_package else module.rpartition(".")[0]

    def role(self, expr: ast.expr) -> str | None:
        """The framework role a name, an attribute or a call's callee names."""
        if isinstance(expr, ast.Call):
            expr = expr.func
        return self.imports.role(expr)

    def role_of_dotted(self, name: str) -> str | None:
        """`role` for a name written as text (`"dg.asset"`, `"asset"`)."""
        first, _, rest = name.partition(".")
        binding = self.imports.lookup(first)
        if binding is None:
            return None
        if not rest:
            return binding.role if binding.kind == SYMBOL else None
        if binding.kind == FRAMEWORK_MODULE:
            return role_of(binding.module, rest.rpartition(".")[2])
        return None

    def qualify(self, expr: ast.expr) -> str | None:
        """The qualified name of the project object a name or attribute refers to."""
        name = dotted(expr)
        return self.qualify_dotted(name) if name is not None else None

    def qualify_dotted(self, name: str) -> str | None:
        """`qualify` for a name written as text (`"Db"`, `"resources.Db"`)."""
        first, _, rest = name.partition(".")
        binding = self.imports.lookup(first)
        base = self._qualified(first, binding) if binding is not None else None
        if base is None:
            return None
        return f"{base}.{rest}" if rest else base

    def candidates(self, expr: ast.expr) -> set[str]:
        """Every project object a name or attribute may refer to, under any of its bindings:
        for the questions where a use missed is worse than one too many ("is this function
        used anywhere else?"), a name bound in conflicting ways counts for each binding."""
        name = dotted(expr)
        if name is None:
            return set()
        first, _, rest = name.partition(".")
        found = set()
        for binding in self.imports.bindings_of(first):
            base = self._qualified(first, binding)
            if base is not None:
                found.add(f"{base}.{rest}" if rest else base)
        return found

    def _qualified(self, local: str, binding: Binding) -> str | None:
        kind = binding.kind
        if kind == LOCAL:
            node = binding.node
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                return f"{self.module}.{local}"
            return None
        if kind == IMPORTED:
            source = self.absolute_module(binding.module, binding.level)
            return f"{source}.{binding.name}" if source else None
        if kind == IMPORTED_MODULE:
            return binding.module
        if kind == OS_MODULE:
            return "os"
        if kind == OS_NAME:
            return f"os.{binding.name}"
        return None

    def absolute_module(self, module: str, level: int) -> str | None:
        """The absolute module of `from <level dots><module> import ...` in this module."""
        if level == 0:
            return module
        base = self._package
        for _ in range(level - 1):
            if not base:
                return None
            base = base.rpartition(".")[0]
        parts = [part for part in (base, module) if part]
        return ".".join(parts) or None

    def value(self, name: str) -> ast.expr | None:
        """The value a module-level constant of this module was assigned."""
        return self.imports.local_value(name)

    def framework_names(self) -> dict[str, str]:
        """Local name -> exported name, for the framework names imported by name."""
        return {
            local: binding.role
            for local, binding in self._bound(SYMBOL)
            if binding.role not in INTEGRATION_DECORATORS  # an integration library's own
        }

    def framework_modules(self) -> dict[str, str]:
        """Local name -> framework, for the frameworks imported as modules (`dg`)."""
        return {local: binding.module for local, binding in self._bound(FRAMEWORK_MODULE)}

    def _bound(self, kind: str) -> list[tuple[str, Binding]]:
        """The names whose bindings agree on one of this kind, with it."""
        found = []
        for local in self.imports.names():
            binding = self.imports.lookup(local)
            if binding is not None and binding.kind == kind:
                found.append((local, binding))
        return found

    def qualified_names(self) -> dict[str, str]:
        """Local name -> qualified name, for every name bound to a project object."""
        found = {}
        for local in self.imports.names():
            qualified = self.qualify_dotted(local)
            if qualified is not None:
                found[local] = qualified
        return found

    def local_for(self, qualname: str) -> str | None:
        """The local name this module has for a project object, if any."""
        for local, qualified in self.qualified_names().items():
            if qualified == qualname:
                return local
        return None
