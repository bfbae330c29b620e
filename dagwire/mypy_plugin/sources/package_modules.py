"""Have mypy analyse a package's modules before a module that loads definitions from it.

`load_assets_from_package_module(assets)` (and the other package loaders) imports every module
under `assets` when it runs, `load_from_defs_folder(...)` / `load_defs(...)` every module of a
dg project's defs folder. mypy only follows the imports written in the source: the module that
builds `Definitions` could be checked before a package module nothing imports, whose names are
then still empty (its definitions would be missed). `get_additional_deps` (plugin.py) makes
those modules dependencies of the loading module, so mypy analyses them first, as it would
imports. The source is read as text (mypy may not have built the statements yet).
"""

from __future__ import annotations

import os
import re

from mypy.nodes import Import, ImportAll, ImportBase, ImportFrom, MypyFile

from dagwire.mypy_plugin.frameworks import ALL_FRAMEWORKS
from dagwire.mypy_plugin.names import absolute_import
from dagwire.mypy_plugin.sources.dg_project import (
    is_library_component,
    project_defs_module,
    walk_defs_folder,
)
from dagwire.vocabulary.calls import LOAD_DEFS_ROOT
from dagwire.vocabulary.names import (
    DEFS_FOLDER_LOADERS,
    LOAD_DEFS,
    LOADER_NAMES,
    LOADERS,
    READS_PACKAGE,
    READS_PACKAGE_NAME,
)

# loaders of a package -> the keyword of their package argument
PACKAGE_LOADERS = {
    name: keyword
    for name, (reads, keyword, _) in LOADERS.items()
    if reads in (READS_PACKAGE, READS_PACKAGE_NAME) and keyword is not None
}
_NAME = r"[A-Za-z_][\w.]*"
# A call's opening parenthesis, then space and comments up to its first argument.
_OPEN = r"\(\s*(?:#[^\n]*\n\s*)*"
_PACKAGE_CALL = re.compile(
    r"\b(" + "|".join(sorted(PACKAGE_LOADERS)) + r")" + _OPEN + r"(?:(\w+)\s*=\s*)?"
    rf"({_NAME}|\"[\w.]+\"|'[\w.]+')\s*[,)]"
)
_DEFS_CALL = re.compile(
    r"\b(" + "|".join(sorted(DEFS_FOLDER_LOADERS)) + r")" + _OPEN
    + rf"(?:(\w+)\s*=\s*)?({_NAME})?"
)
CALLED = LOADER_NAMES | DEFS_FOLDER_LOADERS
PRI_LOW = 20  # mypy.build's priority of an import inside a function: orders, never cycles


def _may_call_loader(file: MypyFile) -> bool:
    """Whether the file may call a loader: it imports one by name, or imports a framework's
    module (`import dagster as dg`). Only these files are read."""
    for imp in file.imports:
        if isinstance(imp, ImportFrom):
            if any(name in CALLED for name, _ in imp.names):
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
    # `from .assets import x` in a package's __init__ also binds `assets` to the submodule
    if file.is_package_init_file() and imports_submodule(file.imports, file.fullname, first):
        return f"{file.fullname}.{first}{suffix}"
    return None


def imports_submodule(imports: list[ImportBase], package: str, name: str) -> bool:
    """The imports of package `package`'s `__init__` have `from .name import ...` (or `*`),
    or the same import written absolute."""
    for imp in imports:
        if isinstance(imp, (ImportFrom, ImportAll)):
            if (imp.relative == 1 and imp.id == name) or (
                imp.relative == 0 and imp.id == f"{package}.{name}"
            ):
                return True
    return False


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
    out: list[tuple[int, str, int]] = []
    root = _source_root(file)
    # most files that import the framework call no loader: a plain search rules them out
    # before the patterns, which try every position of the text
    calls_package_loader = any(name in text for name in PACKAGE_LOADERS)
    if not calls_package_loader and not any(name in text for name in DEFS_FOLDER_LOADERS):
        return out
    for found in _PACKAGE_CALL.finditer(text) if calls_package_loader else ():
        keyword = found.group(2)
        if keyword is not None and keyword != PACKAGE_LOADERS[found.group(1)]:
            continue
        argument = found.group(3)
        if argument[0] in "\"'":
            package: str | None = argument[1:-1]  # `load_assets_from_package_name("pkg")`
        else:
            package = _module_named(argument, file)
        if package is None:
            continue
        directory = os.path.join(root, *package.split("."))
        if not os.path.isfile(os.path.join(directory, "__init__.py")):
            continue  # not a package beside this file: mypy finds it, or not, by its imports
        line = text.count("\n", 0, found.start()) + 1
        modules, _ = package_modules(package, directory)
        out += [(PRI_LOW, m, line) for m in modules if m != file.fullname]
    for found in _DEFS_CALL.finditer(text):
        if found.group(1) == LOAD_DEFS:
            keyword, argument = found.group(2), found.group(3)
            if argument is None or keyword not in (None, LOAD_DEFS_ROOT):
                continue
            package = _module_named(argument, file)
        else:
            package, _ = project_defs_module(os.path.dirname(file.path))
        if package is None:
            continue
        directory = os.path.join(root, *package.split("."))
        line = text.count("\n", 0, found.start()) + 1
        walked = walk_defs_folder(package, directory, False)
        out += [(PRI_LOW, m, line) for m in walked.module_names if m != file.fullname]
        # A project component's class is read where it is defined: from a warm cache mypy
        # loads only the modules this one depends on.
        for type_name in walked.component_types:
            module = type_name.rpartition(".")[0]
            if module and not is_library_component(type_name, package, directory):
                out.append((PRI_LOW, module, line))
    return out
