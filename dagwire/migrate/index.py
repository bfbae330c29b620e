"""The files of one migration run as the shared source model reads them, by file.

Phase 1 asks the source model's `Resolver` what a name refers to; this index answers its
"which file does this import lead to?" from the run's own files, the way Python finds
them: by package root first (`from workspaces.resources import x` in
`week_2/workspaces/project/ops.py` is `week_2/workspaces/resources.py`, whatever
`week_3/workspaces/resources.py` holds). Only when the importing file's own root and folder
lack the module does a module name found once in the project stand for that file; found in
several files, the import is ambiguous and resolves to nothing (the index remembers the
files, for the TODO that names them). Nothing outside the run's files is read.

Project objects are named by `Ref` (file, module-level name), never by dotted name alone:
two files may share a dotted name.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Callable
from typing import NamedTuple

from dagwire.migrate.project import SourceFile
from dagwire.source_model.imports import IMPORTED, IMPORTED_MODULE, LOCAL, dotted
from dagwire.source_model.module import ModuleModel, build_model, build_outline
from dagwire.source_model.project import ProjectIndex
from dagwire.source_model.resolve import Resolver


class Ref(NamedTuple):
    """A module-level name of one file of the run."""

    path: str
    name: str


class MigrationIndex(ProjectIndex):
    def __init__(self, sources: list[SourceFile]) -> None:
        super().__init__()
        self.sources: dict[str, SourceFile] = {str(s.path): s for s in sources}
        self.by_module: dict[str, list[str]] = {}
        for source in sources:
            self.by_module.setdefault(source.module, []).append(str(source.path))
        self.trees: dict[str, ast.Module] = {}  # set by phase 1 for the files it parsed
        self._models: dict[str, ModuleModel | None] = {}
        # module name -> its files, for each import that found it in several
        self.ambiguous: dict[str, list[str]] = {}
        self.resolver = Resolver(self)
        base = os.path.commonpath([os.path.dirname(p) for p in self.sources]) if (
            self.sources) else ""
        self._base = base

    # -- the source model's questions, answered from the run's files -----------------------

    def model_for_path(self, path: str) -> ModuleModel | None:
        path = os.path.abspath(path)
        if path in self._models:
            return self._models[path]
        source = self.sources.get(path)
        model: ModuleModel | None = None
        if source is not None:
            tree = self.trees.get(path)
            if tree is None:
                try:
                    tree = ast.parse(source.text, filename=path)
                except (SyntaxError, ValueError, RecursionError):
                    tree = None
            if tree is not None:
                # function bodies are kept: phase 1 follows a context into helpers
                model = (build_model(tree, path, framework=True) if source.uses_framework
                         else build_outline(tree, path, framework=False))
        self._models[path] = model
        return model

    def _find_module(self, from_model: ModuleModel, module: str, level: int) -> str | None:
        found = super()._find_module(from_model, module, level)
        if found is not None or level > 0:
            return os.path.abspath(found) if found is not None else None
        candidates = self.by_module.get(module, [])
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            self.ambiguous[module] = sorted(candidates)
        return None

    # -- names --------------------------------------------------------------------------

    def resolve(self, model: ModuleModel, expr: ast.expr) -> Ref | None:
        """The project object a name or `module.name` refers to (every binding agreeing)."""
        found = self.resolver.target_of(model, expr)
        return _ref(found[0], found[1]) if found is not None else None

    def candidates(self, model: ModuleModel, expr: ast.expr) -> set[Ref]:
        """Every project object a name may refer to under any of its bindings (an import
        that is ambiguous: each file's): for "is this used anywhere else?"."""
        name = dotted(expr)
        if name is None:
            return set()
        first, _, rest = name.partition(".")
        found: set[Ref] = set()
        for binding in model.imports.bindings_of(first):
            if binding.kind == LOCAL:
                if not rest and binding.node is not None:
                    found.add(Ref(model.path, first))
            elif binding.kind == IMPORTED and not rest:
                for path in self._import_paths(model, binding.module, binding.level):
                    found.update(self._exported(path, binding.name))
            elif binding.kind == IMPORTED and "." not in rest:
                # `from pkg import mod` then `mod.name`
                sub = ".".join(p for p in (binding.module, binding.name) if p)
                for path in self._import_paths(model, sub, binding.level):
                    found.update(self._exported(path, rest))
            elif binding.kind == IMPORTED_MODULE and rest:
                # `import pkg.mod` then `pkg.mod.name`; `import pkg.mod as m` then `m.name`
                *inner, attribute = rest.split(".")
                module = ".".join([binding.module, *inner])
                for path in self._import_paths(model, module, 0):
                    found.update(self._exported(path, attribute))
        return found

    def _import_paths(self, model: ModuleModel, module: str, level: int) -> list[str]:
        path = self.module_path(model, module, level)
        if path is not None:
            return [path]
        return self.ambiguous.get(module, []) if level == 0 else []

    def _exported(self, path: str, name: str) -> set[Ref]:
        other = self.model_for_path(path)
        if other is None:
            return set()
        target = self.resolver.binding_target(other, name)
        if target is None:
            return {Ref(other.path, name)}
        ref = _ref(target[0], target[1])
        return {ref} if ref is not None else set()

    # -- how a file is named ------------------------------------------------------------

    def module_of(self, path: str) -> str:
        source = self.sources.get(path)
        return source.module if source is not None else os.path.splitext(
            os.path.basename(path))[0]

    def place(self, model: ModuleModel, node: ast.AST) -> str:
        """Where a node is, for a message that must read the same after the file changes:
        its file and the module-level definition or name holding it (no line number)."""
        line = getattr(node, "lineno", 0)
        where = self.file_display(model.path)
        for statement in model.tree.body:
            if statement.lineno <= line <= (statement.end_lineno or statement.lineno):
                if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    return f"{where} ({statement.name})"
                targets = statement.targets if isinstance(statement, ast.Assign) else [
                    statement.target] if isinstance(statement, ast.AnnAssign) else []
                names = [t.id for t in targets if isinstance(t, ast.Name)]
                if names:
                    return f"{where} ({names[0]})"
        return where

    def file_display(self, path: str) -> str:
        """A file as messages name it: relative to the folder holding every file of the run."""
        relative = os.path.relpath(path, self._base) if self._base else path
        return relative.replace(os.sep, "/")


def roles(model: ModuleModel) -> Callable[[ast.expr], str | None]:
    """The framework role of an expression of `model` (a call: its callee's)."""
    def role(expr: ast.expr) -> str | None:
        return model.imports.role(expr.func if isinstance(expr, ast.Call) else expr)
    return role


def _ref(owner: ModuleModel, node: ast.AST) -> Ref | None:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return Ref(owner.path, node.name)
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(
            node.targets[0], ast.Name):
        return Ref(owner.path, node.targets[0].id)
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return Ref(owner.path, node.target.id)
    return None
