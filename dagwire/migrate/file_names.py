"""The names of one file in phase 2: what they mean, and where new imports go.

What a name means (a framework role, a project object) comes from the shared source model
(`dagwire.source_model.names`), read from the file's `ast`; this module adds what editing the
libcst module needs: which framework import new names join and which names are taken.
"""

from __future__ import annotations

import ast

import libcst as cst

from dagwire.migrate.facts import FileScope
from dagwire.migrate.index import Ref
from dagwire.source_model.imports import IMPORTED
from dagwire.source_model.names import QualifiedNames
from dagwire.vocabulary.names import framework_of


def dotted(expr: cst.BaseExpression) -> str | None:
    if isinstance(expr, cst.Name):
        return expr.value
    if isinstance(expr, cst.Attribute):
        base = dotted(expr.value)
        return f"{base}.{expr.attr.value}" if base else None
    return None


class FileNames:
    """What the names of one module mean, and its framework import, for phase 2."""

    def __init__(self, module_name: str, module: cst.Module, tree: ast.Module,
                 scope: FileScope, scopes: dict[str, FileScope],
                 is_package: bool = False) -> None:
        self.module_name = module_name
        self.names = QualifiedNames(module_name, tree, is_package)
        # what the module-level names refer to (phase 1 resolved them by file)
        self.scope = scope
        self._scopes = scopes
        # local name -> exported name, for the framework names imported by name
        self.framework_locals = self.names.framework_names()
        # `import dagster as dg`: "dg" -> "dagster"
        self.framework_aliases = self.names.framework_modules()
        self.framework_import: cst.SimpleStatementLine | None = None
        self.framework: str = "dagwire"
        self.framework_module: str = "dagwire"  # the module of framework_import
        self.top_level: set[str] = set()  # every name bound at module level
        self._framework_seen = False
        for statement in module.body:
            self._read(statement)

    def _read(self, statement: cst.CSTNode) -> None:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            self.top_level.add(statement.name.value)
            return
        if not isinstance(statement, cst.SimpleStatementLine):
            return
        for small in statement.body:
            if isinstance(small, cst.ImportFrom) and small.relative == () and small.module:
                source = dotted(small.module) or ""
                fw = framework_of(source)
                if fw is not None and not isinstance(small.names, cst.ImportStar):
                    if not self._framework_seen:
                        self.framework, self._framework_seen = fw, True
                    # new names join an import from the package itself, never one from a
                    # submodule (`dagster._core.definitions` need not export Config)
                    if self.framework_import is None and source == fw:
                        self.framework_import, self.framework = statement, fw
                        self.framework_module = source
                if isinstance(small.names, cst.ImportStar):
                    continue
                for alias in small.names:
                    self.top_level.add(_local(alias, dotted(alias.name) or ""))
            elif isinstance(small, cst.Import):
                for alias in small.names:
                    name = dotted(alias.name) or ""
                    self.top_level.add(_local(alias, name.split(".")[0]))
            elif isinstance(small, (cst.Assign, cst.AnnAssign)):
                targets = small.targets if isinstance(small, cst.Assign) else [small]
                for target in targets:
                    if isinstance(target.target, cst.Name):
                        self.top_level.add(target.target.value)

    def role(self, expr: cst.BaseExpression) -> str | None:
        if isinstance(expr, cst.Call):
            expr = expr.func
        name = dotted(expr)
        return self.names.role_of_dotted(name) if name is not None else None

    def qualify(self, expr: cst.BaseExpression) -> Ref | None:
        """The project object a name (or `module.name`) refers to."""
        name = dotted(expr)
        if name is None:
            return None
        first, _, rest = name.partition(".")
        if not rest:
            return self.scope.names.get(first)
        module = self.scope.modules.get(first)
        if module is None or "." in rest:
            return None
        other = self._scopes.get(module)
        return other.names.get(rest) if other is not None else None

    def local_for(self, ref: Ref) -> str | None:
        """The local name this module already has for a project object, if any."""
        return next((local for local, found in self.scope.names.items() if found == ref), None)

    def imported_as(self, module: str, name: str) -> str | None:
        """The local name of `from <module> import <name>` in this module, if any."""
        for local in self.names.imports.names():
            binding = self.names.imports.lookup(local)
            if binding is not None and binding.kind == IMPORTED and binding.level == 0 and (
                    binding.module == module and binding.name == name):
                return local
        return None


def _local(alias: cst.ImportAlias, default: str) -> str:
    if alias.asname and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return default
