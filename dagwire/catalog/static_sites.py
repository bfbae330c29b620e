"""Which ``Definitions`` a project loads, found and assembled from source.

A target is a file or folder, optionally ``:NAME`` (a module-level Definitions, merge or
``@definitions`` function). A folder is searched the way its tools point at it: dg's
``root_module`` / Dagster's ``module_name`` in ``pyproject.toml``, else the one module that
holds a module-level Definitions (``definitions.py`` first), else a dg ``defs/`` folder.
The parts of ``Definitions.merge(...)``, ``load_from_defs_folder`` / ``load_defs`` (every
Definitions object, ``@definitions`` function and definition in the ``defs/`` modules) and
``@definitions`` functions are merged, as Dagster merges them.
"""

from __future__ import annotations

import ast
import os
import re

from dagwire.catalog.source_model import (
    Assembled,
    Assembler,
    Entry,
    FullIndex,
    ModuleModel,
    Resolver,
    Scope,
    is_definitions_function,
    is_merge_call,
)
from dagwire.vocabulary.names import DEFINITIONS, DEFS_FOLDER_LOADERS

# Calls that make a Definitions a target may name: `Definitions(...)`, a defs folder loader.
SITE_ROLES = frozenset({DEFINITIONS, *DEFS_FOLDER_LOADERS})
_SKIP_DIRS = frozenset({".venv", "venv", ".git", "__pycache__", "node_modules", "build", "dist",
                        ".tox", ".mypy_cache", ".pytest_cache"})
_MAX_FILES = 2000


class StaticCatalogError(Exception):
    """The target holds no Definitions that can be read from source."""


class Listed:
    """What the assembled Definitions holds."""

    def __init__(self) -> None:
        self.resources: list[tuple[str, ModuleModel, ast.expr]] = []
        self.entries: list[Entry] = []
        self.asset_jobs: list[tuple[ModuleModel, ast.Call]] = []
        self.complete = True
        self._seen: set[int] = set()

    def add(self, value: Assembled | None) -> None:
        """A Definitions value read by the source model: its first deployment is shown."""
        if value is None or not value.parts:
            self.complete = False
            return
        if len(value.parts) > 1 or not value.complete:
            self.complete = False  # picked by deployment, or something could not be read
        part = value.parts[0]
        for item in part.bound:
            if item.value is not None:
                self.resources.append((item.key, item.model, item.value))
        for entry in part.entries:
            if id(entry.definition.func) not in self._seen:
                self._seen.add(id(entry.definition.func))
                self.entries.append(entry)
        for model, call in part.asset_jobs:
            if id(call) not in self._seen:
                self._seen.add(id(call))
                self.asset_jobs.append((model, call))


def python_files(directory: str) -> list[str]:
    found: list[str] = []
    for folder, subdirectories, names in os.walk(directory):
        subdirectories[:] = sorted(
            name for name in subdirectories if name not in _SKIP_DIRS and not name.startswith(".")
        )
        found.extend(os.path.join(folder, name) for name in sorted(names) if name.endswith(".py"))
        if len(found) > _MAX_FILES:
            break
    return found[:_MAX_FILES]


class Sites:
    def __init__(self) -> None:
        self.index = FullIndex()
        self.resolver = Resolver(self.index)
        self.assembler = Assembler(self.resolver)

    def model(self, path: str) -> ModuleModel | None:
        return self.index.model_for_path(path)

    # -- finding the root ------------------------------------------------------------------

    def roots(self, model: ModuleModel) -> list[tuple[str, ast.AST]]:
        """Module-level Definitions of a module: (name, Call or @definitions function)."""
        found: list[tuple[str, ast.AST]] = []
        for stmt in model.tree.body:
            if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
                value = stmt.value
                if isinstance(value, ast.Call) and self._is_site(model, value):
                    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                    found.extend((t.id, value) for t in targets if isinstance(t, ast.Name))
            elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if is_definitions_function(model, stmt):
                    found.append((stmt.name, stmt))
        return found

    def _is_site(self, model: ModuleModel, call: ast.Call) -> bool:
        role = model.imports.role(call.func)
        return role in SITE_ROLES or is_merge_call(model, call)

    def find(self, target: str) -> tuple[ModuleModel, str, ast.AST] | str:
        """(module, name, root) or the folder of a dg ``defs/`` tree to assemble."""
        path, _, name = target.partition(":")
        if not name and os.name == "nt" and len(path) == 2:  # C:\... (a drive, not :NAME)
            path, name = target, ""
        if not os.path.exists(path):
            raise StaticCatalogError(f"no such file or folder: {path}")
        if os.path.isdir(path):
            if name:
                raise StaticCatalogError("':NAME' needs a file, not a folder")
            return self._find_in_folder(path)
        model = self.model(path)
        if model is None:
            raise StaticCatalogError(f"cannot parse {path}")
        roots = self.roots(model)
        if name:
            roots = [root for root in roots if root[0] == name]
            if not roots:
                raise StaticCatalogError(f"'{name}' is not a module-level Definitions in {path}")
        if not roots:
            raise StaticCatalogError(f"{path} defines no Definitions at module level")
        if len(roots) > 1:
            names = ", ".join(root[0] for root in roots)
            raise StaticCatalogError(
                f"{path} defines several Definitions ({names}): name one as {path}:NAME"
            )
        return model, roots[0][0], roots[0][1]

    def _find_in_folder(self, folder: str) -> tuple[ModuleModel, str, ast.AST] | str:
        configured = _configured_module(folder)
        if configured is not None:
            return self.find(configured)
        files = [path for path in python_files(folder) if not _in_defs_folder(path)
                 and not _is_test_path(path)]
        candidates: list[tuple[ModuleModel, str, ast.AST]] = []
        for path in files:
            model = self.model(path)
            if model is not None and model.framework:
                candidates.extend((model, name, node) for name, node in self.roots(model))
        named = [c for c in candidates if os.path.basename(c[0].path) == "definitions.py"]
        chosen = named if len(named) == 1 else candidates
        if len(chosen) == 1:
            return chosen[0]
        if chosen:
            listing = ", ".join(f"{os.path.relpath(m.path)}:{n}" for m, n, _ in chosen)
            raise StaticCatalogError(f"several Definitions found ({listing}): name one")
        defs_folders = sorted({root for path in python_files(folder)
                               if (root := _defs_root(path)) is not None})
        if len(defs_folders) == 1:
            return str(defs_folders[0])
        raise StaticCatalogError(f"no Definitions found under {folder}")

    # -- assembling --------------------------------------------------------------------------

    def assemble(self, model: ModuleModel, root: ast.AST, listed: Listed) -> None:
        """A Definitions call, merge or loader, or an `@definitions` function."""
        if isinstance(root, (ast.FunctionDef, ast.AsyncFunctionDef)):
            listed.add(self.assembler.function_value(model, root))
        elif isinstance(root, ast.expr):
            listed.add(self.assembler.value(Scope(model), root))
        else:
            listed.complete = False

    def assemble_folder(self, folder: str, listed: Listed) -> None:
        """Everything dg loads from a ``defs/`` folder."""
        anchor = next((m for path in python_files(folder) if (m := self.model(path))), None)
        if anchor is None:
            listed.complete = False
            return
        listed.add(self.assembler.folder_value(anchor, folder, terminate=False))


def _configured_module(folder: str) -> str | None:
    """The module a project's pyproject.toml names (dg's root_module, Dagster's module_name)."""
    try:
        with open(os.path.join(folder, "pyproject.toml"), encoding="utf-8") as handle:
            text = handle.read()
    except OSError:
        return None
    for key in ("module_name", "root_module"):
        match = re.search(rf'^\s*{key}\s*=\s*"([\w.]+)"', text, re.MULTILINE)
        if match is None:
            continue
        parts = match.group(1).split(".")
        for base in (folder, os.path.join(folder, "src")):
            for candidate in (os.path.join(base, *parts) + ".py",
                              os.path.join(base, *parts, "definitions.py")):
                if os.path.isfile(candidate):
                    return candidate
    return None


def _in_defs_folder(path: str) -> bool:
    return _defs_root(path) is not None


def _defs_root(path: str) -> str | None:
    parts = os.path.abspath(path).split(os.sep)
    for index in range(len(parts) - 2, 0, -1):
        if parts[index] == "defs":
            return os.sep.join(parts[: index + 1])
    return None


def _is_test_path(path: str) -> bool:
    parts = os.path.relpath(os.path.abspath(path)).split(os.sep)
    name = parts[-1]
    return (name.startswith("test_") or name == "conftest.py"
            or any(part in ("tests", "test") or part.endswith("_tests") for part in parts[:-1]))
