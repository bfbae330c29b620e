"""The module index: cross-file knowledge without importing user code.

flake8 checks each file on its own (often in another process), so a rule that needs the
module defining an asset finds and parses it here: where `from .assets import orders` leads,
the module there (an outline: signatures and class bodies), and the project around a file
with its texts and full models. Everything is cached per process by path and modification
time.
"""

from __future__ import annotations

import ast
import copy
import os
from typing import Callable

from dagwire.source_model.imports import imports_framework
from dagwire.source_model.module import ModuleModel, build_model, build_outline
from dagwire.source_model.walk import import_root, outermost_package, project_files
from dagwire.vocabulary.names import COMPOSITION_KINDS

# Do not parse generated or vendored giants just to look up a name.
MAX_MODULE_BYTES = 1_000_000
# Files of the project read to answer a question no import answers (`project_files`).
MAX_PROJECT_FILES = 300
# Folders above a file searched for an absolute import no import root resolves.
_MAX_ANCESTORS = 4
_SRC = "src"  # the folder a `src/` layout keeps its packages in


class ProjectIndex:
    cross_file = True  # False: other modules are never read (`--rsc-no-cross-file`)

    def __init__(self) -> None:
        # path -> (mtime, outline): a sibling is parsed once per process and kept small
        # (function bodies dropped); the checked files' own trees are never kept, since
        # holding every tree of a large run makes the garbage collector cost more than
        # parsing a sibling again
        self._cache: dict[str, tuple[float, ModuleModel | None]] = {}
        self._current: dict[str, ModuleModel] = {}
        self._paths: dict[tuple[str, str, int], str | None] = {}
        # the project around a file: its listing by outermost package, and path -> (mtime,
        # text) and (mtime, full model) of the few project files read in full
        self._listings: dict[str, list[str]] = {}
        self._texts: dict[str, tuple[float, str]] = {}
        self._full: dict[str, tuple[float, ModuleModel | None]] = {}
        # the project of the file being checked, and each checked folder's project
        self._project: str | None = None
        self._projects: dict[str, str] = {}

    def checked_model(
        self, tree: ast.Module, path: str, source: str | None = None
    ) -> ModuleModel:
        """The model of the file flake8 is checking. While it is checked it wins over the
        file on disk (an editor's unsaved buffer on stdin). An outline of it is kept for
        binding modules checked later in this process, so they need not parse it again.
        `source`, the text flake8 parsed, lets a full model read earlier from the same
        text (a binding module checked before needed its bodies) stand for it."""
        absolute = os.path.abspath(path)
        self._enter_project(os.path.dirname(absolute))
        try:
            mtime: float | None = os.stat(absolute).st_mtime
        except OSError:
            mtime = None
        model = self._full_of_text(absolute, mtime, source)
        if model is None:
            model = build_model(tree, path, framework=True)
        self._current = {absolute: model}
        if mtime is None:
            return model
        cached = self._cache.get(absolute)
        if cached is None or cached[0] != mtime:
            self._cache[absolute] = (mtime, _outline_copy(tree, path))
        return model

    def _full_of_text(
        self, path: str, mtime: float | None, source: str | None
    ) -> ModuleModel | None:
        """The full model already read of `path`, if it was read from exactly `source`."""
        full = self._full.get(path)
        if full is None or full[1] is None or source is None or full[0] != mtime:
            return None
        text = self._texts.get(path)
        if text is None or text[0] != mtime or text[1] != source:
            return None
        return full[1]

    def _enter_project(self, directory: str) -> None:
        """flake8 checks a tree folder by folder: once it checks a file of another project
        (outermost package, or folder outside any), the models read for the previous one are
        seldom asked for again. Drop them: every AST node kept alive is scanned again by each
        of the host's full garbage collections, which over a long run costs more than parsing
        a file a second time when it is asked for."""
        top = self._projects.get(directory)
        if top is None:
            top = outermost_package(directory) or directory
            self._projects[directory] = top
        if top == self._project:
            return
        if self._project is not None:
            self._cache.clear()
            self._full.clear()
            self._texts.clear()
        self._project = top

    def model_for_path(self, path: str) -> ModuleModel | None:
        path = os.path.abspath(path)
        current = self._current.get(path)
        if current is not None:
            return current
        try:
            stat = os.stat(path)
        except OSError:
            return None
        cached = self._cache.get(path)
        if cached is not None and cached[0] == stat.st_mtime:
            return cached[1]
        model: ModuleModel | None = None
        if stat.st_size <= MAX_MODULE_BYTES:
            try:
                with open(path, "rb") as handle:
                    tree = ast.parse(handle.read(), filename=path)
                model = build_outline(tree, path, imports_framework(tree))
                _drop_unused_bodies(model)
            except (SyntaxError, ValueError, OSError, RecursionError):
                model = None
        self._cache[path] = (stat.st_mtime, model)
        return model

    def module_path(self, from_model: ModuleModel, module: str, level: int) -> str | None:
        """The file a `from <level dots><module> import ...` in `from_model` refers to."""
        key = (from_model.directory, module, level)
        if key not in self._paths:
            self._paths[key] = self._find_module(from_model, module, level)
        return self._paths[key]

    def package_folder(self, from_model: ModuleModel, module: str, level: int) -> str | None:
        """The folder of a package a dotted name refers to, a namespace package (a folder
        without `__init__.py`, which Python imports too) included."""
        return self._search(from_model, module, level, _package_folder)

    def _find_module(self, from_model: ModuleModel, module: str, level: int) -> str | None:
        return self._search(from_model, module, level, _module_file)

    def _search(
        self, from_model: ModuleModel, module: str, level: int,
        found_in: Callable[[str, list[str]], str | None],
    ) -> str | None:
        """Where Python finds a dotted name from a module: `found_in(base, parts)` for each
        folder it would look in, first answer wins."""
        parts = [part for part in module.split(".") if part]
        if level > 0:
            base = from_model.directory
            for _ in range(level - 1):
                base = os.path.dirname(base)
            return found_in(base, parts)
        # Absolute import: try the root the file's package hangs from, then its own folder
        # (script-style projects run with `dagster -f`), then the folder above a plain
        # folder (`my_project_tests/` without `__init__.py` beside `my_project/`, run by
        # pytest from the repository root).
        root = import_root(from_model.directory)
        bases = [root, from_model.directory]
        if root == from_model.directory:
            bases.append(os.path.dirname(root))
        for base in bases:
            found = found_in(base, parts)
            if found is not None:
                return found
        # A stray `__init__.py` in the folder a project runs from (`repo/__init__.py` beside
        # `repo/etl/`) puts the import root too high: the nearest folder above the file that
        # holds the first name is where Python would find it, run from there.
        directory = from_model.directory
        for _ in range(_MAX_ANCESTORS):
            parent = os.path.dirname(directory)
            if parent == directory:
                break
            directory = parent
            found = found_in(directory, parts)
            if found is not None:
                return found
        # A package of the repository in a `src/` layout, installed editable, imported from a
        # folder outside it (`examples/defs.py` importing `pkg` of `src/pkg`).
        directory = from_model.directory
        for _ in range(_MAX_ANCESTORS):
            found = found_in(os.path.join(directory, _SRC), parts)
            if found is not None or os.path.dirname(directory) == directory:
                return found
            directory = os.path.dirname(directory)
        return None

    # -- the project around a file ----------------------------------------------------------

    def project_files(self, path: str) -> list[str]:
        """The Python files of the project around `path` (`walk.project_files`), listed once
        per project and process."""
        directory = os.path.dirname(os.path.abspath(path))
        top = outermost_package(directory) or directory
        cached = self._listings.get(top)
        if cached is None:
            cached = project_files(path, MAX_PROJECT_FILES)
            self._listings[top] = cached
        return cached

    def text(self, path: str) -> str | None:
        """A project file's text (undecodable bytes replaced), None when unreadable or huge."""
        try:
            stat = os.stat(path)
        except OSError:
            return None
        cached = self._texts.get(path)
        if cached is not None and cached[0] == stat.st_mtime:
            return cached[1]
        if stat.st_size > MAX_MODULE_BYTES:
            return None
        try:
            with open(path, "rb") as handle:
                text = handle.read().decode("utf-8", errors="replace")
        except OSError:
            return None
        self._texts[path] = (stat.st_mtime, text)
        return text

    def full_model(self, path: str) -> ModuleModel | None:
        """The full model (bodies, calls, parents) of a project file; None when it cannot be
        read or parsed."""
        try:
            mtime = os.stat(path).st_mtime
        except OSError:
            return None
        cached = self._full.get(path)
        if cached is not None and cached[0] == mtime:
            return cached[1]
        model: ModuleModel | None = None
        text = self.text(path)
        if text is not None:
            try:
                tree = ast.parse(text, filename=path)
                model = build_model(tree, path, framework=imports_framework(tree))
            except (SyntaxError, ValueError, RecursionError):
                model = None
        self._full[path] = (mtime, model)
        return model


def _package_folder(base: str, parts: list[str]) -> str | None:
    folder = os.path.join(base, *parts)
    return folder if parts and os.path.isdir(folder) else None


def _module_file(base: str, parts: list[str]) -> str | None:
    target = os.path.join(base, *parts)
    if not parts:
        candidate = os.path.join(base, "__init__.py")
        return candidate if os.path.isfile(candidate) else None
    for candidate in (target + ".py", os.path.join(target, "__init__.py")):
        if os.path.isfile(candidate):
            return candidate
    return None


# their bodies name the ops they run, or the definitions they hold
_BODY_KINDS = COMPOSITION_KINDS | {"repository"}


def _drop_unused_bodies(model: ModuleModel) -> None:
    """Only signatures, decorators and class bodies of a looked-up module are ever read:
    free the function bodies (they are most of a module's nodes)."""
    keep = {id(fn.func) for fn in model.functions if fn.kind in _BODY_KINDS}
    for stmt in model.tree.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and id(stmt) not in keep:
            stmt.body = [ast.Pass()]
        elif isinstance(stmt, ast.ClassDef):
            for member in stmt.body:
                if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    member.body = [ast.Pass()]


def _outline_copy(tree: ast.Module, path: str) -> ModuleModel:
    """An outline of a module flake8 parsed, sharing none of the nodes it changes: flake8's
    tree is left untouched and can be freed, only signatures and class bodies are kept."""
    body: list[ast.stmt] = []
    for stmt in tree.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            stmt = copy.copy(stmt)
        elif isinstance(stmt, ast.ClassDef):
            stmt = copy.copy(stmt)
            stmt.body = [
                copy.copy(member)
                if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef))
                else member
                for member in stmt.body
            ]
        body.append(stmt)
    outline_tree = ast.Module(body=body, type_ignores=[])
    model = build_outline(outline_tree, path, imports_framework(outline_tree))
    _drop_unused_bodies(model)
    return model
