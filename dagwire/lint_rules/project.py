"""Cross-file knowledge without importing user code: find and parse sibling modules.

flake8 checks each file on its own (often in another process), so a rule that needs the
module defining an asset parses it here. Parsed modules are cached per process by
path and modification time.
"""

from __future__ import annotations

import ast
import os

from dagwire.lint_rules.imports import imports_framework
from dagwire.lint_rules.model import ModuleModel, build_model

# Do not parse generated or vendored giants just to look up a name.
MAX_MODULE_BYTES = 1_000_000


class ProjectIndex:
    def __init__(self) -> None:
        self._cache: dict[str, tuple[float, ModuleModel | None]] = {}
        self._current: dict[str, ModuleModel] = {}

    def set_current(self, model: ModuleModel) -> None:
        """The file being checked wins over its on-disk copy (stdin, unsaved editor buffers)."""
        self._current = {os.path.abspath(model.path): model}

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
                model = build_model(tree, path, imports_framework(tree))
            except (SyntaxError, ValueError, OSError, RecursionError):
                model = None
        self._cache[path] = (stat.st_mtime, model)
        return model

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
