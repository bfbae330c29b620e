"""Have mypy analyse a package's modules before a module that loads assets from the package.

`load_assets_from_package_module(assets)` imports every module under `assets` when it runs.
mypy only follows the imports written in the source: the module that builds `Definitions`
could be checked before a package module nothing imports, whose names are then still empty
(definition_lists.py would miss its assets). `get_additional_deps` (plugin.py) makes those
modules dependencies of the loading module, so mypy analyses them first, as it would imports.
"""

from __future__ import annotations

import os
import re

from mypy.nodes import Import, ImportFrom, MypyFile

from dagwire.mypy_plugin.frameworks import ALL_FRAMEWORKS
from dagwire.mypy_plugin.names import absolute_import
from dagwire.vocabulary.names import LOAD_ASSETS_FROM_PACKAGE_MODULE as LOADER

_CALL = re.compile(LOADER + r"\(\s*([A-Za-z_][\w.]*)\s*[,)]")
PRI_LOW = 20  # mypy.build's priority of an import inside a function: orders, never cycles


def _may_call_loader(file: MypyFile) -> bool:
    """Whether the file may call the loader: it imports it by name, or imports a framework's
    module (`import dagster as dg`). Only these files are read."""
    for imp in file.imports:
        if isinstance(imp, ImportFrom):
            if any(name == LOADER for name, _ in imp.names):
                return True
        elif isinstance(imp, Import):
            if any(i.partition(".")[0] in ALL_FRAMEWORKS for i, _ in imp.ids):
                return True
    return False


def _module_named(expr: str, file: MypyFile) -> str | None:
    """The module the loader's argument (`assets`, `pkg.assets`, an alias) names, by the file's
    imports; None when no import says."""
    first, _, rest = expr.partition(".")
    suffix = f".{rest}" if rest else ""
    for imp in file.imports:
        if isinstance(imp, ImportFrom):
            for name, alias in imp.names:
                if (alias or name) == first:
                    base = absolute_import(file, imp.id, imp.relative)
                    return f"{base}.{name}{suffix}" if base else f"{name}{suffix}"
        elif isinstance(imp, Import):
            for module_id, alias in imp.ids:
                if alias == first:
                    return f"{module_id}{suffix}"
                if alias is None and module_id.partition(".")[0] == first:
                    return expr
    return None


def _source_root(file: MypyFile) -> str:
    """The directory the file's top-level package lies in."""
    depth = file.fullname.count(".") + (1 if file.is_package_init_file() else 0)
    root = os.path.dirname(file.path)
    for _ in range(depth):
        root = os.path.dirname(root)
    return root


def package_modules(package: str, directory: str) -> tuple[list[str], list[str]]:
    """The modules under a package's directory (the package itself included), and the
    directories walked to find them: what dagster's loader would import."""
    modules, directories = [], []
    for here, dirs, files in os.walk(directory):
        directories.append(here)
        dirs[:] = sorted(d for d in dirs if d.isidentifier())
        rel = os.path.relpath(here, directory)
        prefix = package if rel == "." else f"{package}.{rel.replace(os.sep, '.')}"
        for name in sorted(files):
            stem = name[:-3]
            if name.endswith(".py") and stem.isidentifier():
                modules.append(prefix if stem == "__init__" else f"{prefix}.{stem}")
    return modules, directories


def package_dependencies(file: MypyFile) -> list[tuple[int, str, int]]:
    """(priority, module, line) for every module under each package the file loads from."""
    if file.is_stub or not file.path.endswith(".py") or not _may_call_loader(file):
        return []
    try:
        with open(file.path, encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError:
        return []
    out = []
    for found in _CALL.finditer(text):
        package = _module_named(found.group(1), file)
        if package is None:
            continue
        directory = os.path.join(_source_root(file), *package.split("."))
        if not os.path.isfile(os.path.join(directory, "__init__.py")):
            continue  # not a package beside this file: mypy finds it, or not, by its imports
        line = text.count("\n", 0, found.start()) + 1
        modules, _ = package_modules(package, directory)
        out += [(PRI_LOW, m, line) for m in modules if m != file.fullname]
    return out
