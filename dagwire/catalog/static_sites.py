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

from dagwire.catalog.static_values import import_origin
from dagwire.catalog.source_model import (
    Entry,
    FullIndex,
    ModuleModel,
    Resolver,
    definitions_argument,
    is_merge_call,
    merged_part,
)

_LISTS = ("assets", "asset_checks", "jobs", "sensors", "schedules")
_LOOSE_KINDS = frozenset({"asset", "graph_asset", "asset_check", "job", "sensor", "schedule"})
_SKIP_DIRS = frozenset({".venv", "venv", ".git", "__pycache__", "node_modules", "build", "dist",
                        ".tox", ".mypy_cache", ".pytest_cache"})
_MAX_FILES = 2000
_MAX_DEPTH = 6


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

    def add_entry(self, entry: Entry) -> None:
        if id(entry.definition.func) not in self._seen:
            self._seen.add(id(entry.definition.func))
            self.entries.append(entry)

    def add_asset_job(self, model: ModuleModel, call: ast.Call) -> None:
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
                if any(model.imports.role(d.func if isinstance(d, ast.Call) else d)
                       == "definitions" for d in stmt.decorator_list):
                    found.append((stmt.name, stmt))
        return found

    def _is_site(self, model: ModuleModel, call: ast.Call) -> bool:
        return (model.imports.role(call.func) == "Definitions" or is_merge_call(model, call)
                or self._defs_loader(model, call) is not None)

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

    def assemble(self, model: ModuleModel, root: ast.AST, listed: Listed, depth: int = 0) -> None:
        if depth > _MAX_DEPTH:
            listed.complete = False
            return
        if isinstance(root, (ast.FunctionDef, ast.AsyncFunctionDef)):
            returns = [n for n in ast.walk(root) if isinstance(n, ast.Return) and n.value]
            if len(returns) != 1 or not isinstance(returns[0].value, ast.Call):
                listed.complete = False
                return
            root = returns[0].value
        if not isinstance(root, ast.Call):
            listed.complete = False
            return
        folder = self._defs_loader(model, root)
        if folder is not None:
            self.assemble_folder(folder, listed)
        elif is_merge_call(model, root):
            for part in root.args:
                part = part.value if isinstance(part, ast.Starred) else part
                found = merged_part(self.resolver, model, part)
                if found is None:
                    listed.complete = False
                else:
                    self.assemble(found[0], found[1], listed, depth + 1)
        elif model.imports.role(root.func) == "Definitions":
            self._definitions(model, root, listed)
        else:
            listed.complete = False

    def _definitions(self, model: ModuleModel, call: ast.Call, listed: Listed) -> None:
        resolver = self.resolver
        if any(isinstance(a, ast.Starred) for a in call.args) or any(
            k.arg is None for k in call.keywords
        ):
            listed.complete = False
        resources = definitions_argument(call, "resources")
        if resources is not None:
            variants = resolver.dict_variants(model, resources)
            if not variants:
                listed.complete = False
            else:
                if len(variants) > 1:
                    listed.complete = False  # picked by deployment: the first one is shown
                for item in variants[0][1]:
                    if item.value is not None:
                        listed.resources.append((item.key, item.model, item.value))
        for name in _LISTS:
            expr = definitions_argument(call, name)
            if expr is not None:
                self._list(model, expr, listed, 0)

    def _list(self, model: ModuleModel, expr: ast.expr, listed: Listed, depth: int) -> None:
        resolver = self.resolver
        if depth > _MAX_DEPTH:
            listed.complete = False
        elif isinstance(expr, (ast.List, ast.Tuple, ast.Set)):
            for element in expr.elts:
                inner = element.value if isinstance(element, ast.Starred) else element
                self._list(model, inner, listed, depth + 1)
        elif isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            self._list(model, expr.left, listed, depth + 1)
            self._list(model, expr.right, listed, depth + 1)
        elif isinstance(expr, (ast.Name, ast.Attribute)):
            found = resolver.definition(model, expr)
            value = resolver.value_of(model, expr) if found is None else None
            if found is not None:
                listed.add_entry(Entry(found[0], found[1], frozenset()))
            elif value is not None:
                self._list(value[0], value[1], listed, depth + 1)
            else:
                listed.complete = False
        elif isinstance(expr, ast.Call):
            role = model.imports.role(expr.func)
            if role == "define_asset_job":
                listed.add_asset_job(model, expr)
            elif role in ("with_resources", "BindResourcesToJobs") or str(role).startswith("load_"):
                for entry in resolver.entries(model, expr):
                    listed.add_entry(entry)
            else:
                listed.complete = False
        else:
            listed.complete = False

    def _defs_loader(self, model: ModuleModel, call: ast.Call) -> str | None:
        """The ``defs/`` folder a ``load_from_defs_folder(...)`` / ``load_defs(...)`` reads."""
        origin = import_origin(model, call.func) or ""
        if not origin.startswith(("dagster.", "dagster_dg")):
            return None
        name = origin.rsplit(".", 1)[-1]
        if name == "load_defs":
            root = next((k.value for k in call.keywords if k.arg == "defs_root"),
                        call.args[0] if call.args else None)
            module = self.resolver.module_ref(model, root) if root else None
            return os.path.dirname(module.path) if module is not None else None
        if name != "load_from_defs_folder":
            return None
        directory = model.directory
        for _ in range(3):  # the project's root module: the calling file's folder or above
            candidate = os.path.join(directory, "defs")
            if os.path.isdir(candidate):
                return candidate
            for child in sorted(os.listdir(directory)):
                nested = os.path.join(directory, child, "defs")
                if child not in _SKIP_DIRS and os.path.isdir(nested):
                    return nested
            directory = os.path.dirname(directory)
        return None

    def assemble_folder(self, folder: str, listed: Listed) -> None:
        """Everything dg loads from a ``defs/`` folder."""
        for path in python_files(folder):
            model = self.model(path)
            if model is None or not model.framework:
                continue
            for _, node in self.roots(model):
                self.assemble(model, node, listed)
            for decorated in model.functions:
                if decorated.module_level and decorated.kind in _LOOSE_KINDS:
                    listed.add_entry(Entry(decorated, model, frozenset()))
            for stmt in model.tree.body:
                value = stmt.value if isinstance(stmt, (ast.Assign, ast.AnnAssign)) else None
                if isinstance(value, ast.Call):
                    if model.imports.role(value.func) == "define_asset_job":
                        listed.add_asset_job(model, value)


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
