"""Cross-file knowledge without importing user code: find and parse sibling modules.

flake8 checks each file on its own (often in another process), so a rule that needs the
module defining an asset parses it here. Parsed modules are cached per process by
path and modification time.
"""

from __future__ import annotations

import ast
import os

from dagwire.lint_rules.imports import imports_framework
from dagwire.lint_rules.model import ModuleModel, build_model, build_outline

# Do not parse generated or vendored giants just to look up a name.
MAX_MODULE_BYTES = 1_000_000


class ProjectIndex:
    def __init__(self) -> None:
        # path -> (mtime, source text, model): a module is parsed and modelled once per
        # process, whether flake8 checks it or a binding module needs it first
        self._cache: dict[str, tuple[float, str, ModuleModel | None]] = {}
        self._current: dict[str, ModuleModel] = {}

    def checked_model(self, tree: ast.Module, path: str, source: str | None) -> ModuleModel:
        """The model of the file flake8 is checking. Reused from the cache when the text is the
        one already modelled; an unsaved editor buffer (stdin) is never cached, and wins over
        the file on disk for the rest of this check."""
        absolute = os.path.abspath(path)
        model: ModuleModel | None = None
        disk = self._read(absolute)
        if source is not None and disk is not None and disk[1] == source:
            cached = self._cache.get(absolute)
            if cached is not None and cached[0] == disk[0] and cached[1] == source:
                model = cached[2]
            if model is None or model.outline:
                model = build_model(tree, path, framework=True)
                self._cache[absolute] = (disk[0], source, model)
        if model is None:
            model = build_model(tree, path, framework=True)
        self._current = {absolute: model}
        return model

    def model_for_path(self, path: str) -> ModuleModel | None:
        path = os.path.abspath(path)
        current = self._current.get(path)
        if current is not None:
            return current
        try:
            mtime = os.stat(path).st_mtime
        except OSError:
            return None
        cached = self._cache.get(path)
        if cached is not None and cached[0] == mtime:
            return cached[2]
        read = self._read(path)
        if read is None:
            return None
        model: ModuleModel | None = None
        try:
            tree = ast.parse(read[1], filename=path)
            model = build_outline(tree, path, imports_framework(tree))
        except (SyntaxError, ValueError, RecursionError):
            model = None
        self._cache[path] = (read[0], read[1], model)
        return model

    @staticmethod
    def _read(path: str) -> tuple[float, str] | None:
        try:
            stat = os.stat(path)
            if stat.st_size > MAX_MODULE_BYTES:
                return None
            with open(path, encoding="utf-8") as handle:
                return stat.st_mtime, handle.read()
        except (OSError, UnicodeDecodeError):
            return None

    def module_path(self, from_model: ModuleModel, module: str, level: int) -> str | None:
        """The file a `from <level dots><module> import ...` in `from_model` refers to."""
        parts = [part for part in module.split(".") if part]
        if level > 0:
            base = from_model.directory
            for _ in range(level - 1):
                base = os.path.dirname(base)
            return _module_file(base, parts)
        # Absolute import: try the root the file's package hangs from, then its own folder
        # (script-style projects run with `dagster -f`).
        for base in (_package_parent(from_model.directory), from_model.directory):
            found = _module_file(base, parts)
            if found is not None:
                return found
        return None


def _module_file(base: str, parts: list[str]) -> str | None:
    target = os.path.join(base, *parts)
    if not parts:
        candidate = os.path.join(base, "__init__.py")
        return candidate if os.path.isfile(candidate) else None
    for candidate in (target + ".py", os.path.join(target, "__init__.py")):
        if os.path.isfile(candidate):
            return candidate
    return None


def _package_parent(directory: str) -> str:
    """The folder above the outermost package containing `directory`."""
    while os.path.isfile(os.path.join(directory, "__init__.py")):
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    return directory
