"""A dg project's defs folder: which package it is, and which files dagster loads from it.

`load_from_defs_folder(path_within_project=...)` reads the project's config file, the nearest
`dg.toml` or `pyproject.toml` with a dg table at or above the path (the plugin starts from the
directory of the module that calls it), whose `root_module` / `defs_module` name the defs
package. `load_defs(defs_root=module)` is given the package. Dagster then walks the package's
directory in name order: a folder declaring a component in YAML is that component (not read
here); with `load_defs`' default, a folder holding `definitions.py` loads that file only; every
other `.py` file is a module of the folder (`__init__.py` too), every other folder is walked.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from dagwire.vocabulary.calls import (
    COMPONENT_KEYWORD_FILE,
    COMPONENT_YAML_FILES,
    DEFS_FOLDER,
    DEFS_KEYWORD_FILE,
    DG_CONFIG_TABLES,
    DG_DEFS_MODULE,
    DG_ROOT_MODULE,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

# Folders dagster's walk skips.
IGNORED = ("__pycache__",)


def project_defs_module(start: str) -> tuple[str | None, str | None]:
    """(the defs package's module name, the config file that says so) for a project
    containing directory `start`; (None, None) when no config file is found or it names no
    module."""
    here = os.path.abspath(start)
    while True:
        for name, table in DG_CONFIG_TABLES.items():
            path = os.path.join(here, name)
            if os.path.isfile(path):
                project = _table(path, table)
                if project is not None:
                    defs = project.get(DG_DEFS_MODULE)
                    root = project.get(DG_ROOT_MODULE)
                    if isinstance(defs, str):
                        return defs, path
                    if isinstance(root, str):
                        return f"{root}.{DEFS_FOLDER}", path
                    return None, path
        parent = os.path.dirname(here)
        if parent == here:
            return None, None
        here = parent


def _table(path: str, dotted: str) -> dict[str, Any] | None:
    try:
        with open(path, "rb") as f:
            data: Any = tomllib.load(f)
    except (OSError, ValueError):
        return None
    for part in dotted.split("."):
        data = data.get(part) if isinstance(data, dict) else None
    return data if isinstance(data, dict) else None


class Walked:
    """What dagster's walk of a defs folder finds: module names (in load order), whether a
    YAML component was met (its definitions are not read), and the directories walked."""

    __slots__ = ("module_names", "has_yaml_component", "directories")

    def __init__(self) -> None:
        self.module_names: list[str] = []
        self.has_yaml_component = False
        self.directories: list[str] = []


def walk_defs_folder(package: str, directory: str, stop_at_definitions: bool) -> Walked:
    """The modules of a defs package (at `directory`) dagster loads, as its walk finds them."""
    out = Walked()
    _walk(package, directory, stop_at_definitions, out)
    return out


def _walk(module: str, path: str, stop: bool, out: Walked) -> None:
    if os.path.isdir(path):
        if any(os.path.isfile(os.path.join(path, name)) for name in COMPONENT_YAML_FILES):
            out.has_yaml_component = True
            return
        out.directories.append(path)
        keyword = os.path.join(path, DEFS_KEYWORD_FILE)
        if stop and os.path.isfile(keyword) and not os.path.isfile(
            os.path.join(path, COMPONENT_KEYWORD_FILE)
        ):
            out.module_names.append(f"{module}.{DEFS_KEYWORD_FILE[:-3]}")
            return
        try:
            names = sorted(os.listdir(path))
        except OSError:
            return
        for name in names:
            if name in IGNORED or name.startswith("."):
                continue
            child = os.path.join(path, name)
            if os.path.isdir(child):
                if name.isidentifier():
                    _walk(f"{module}.{name}", child, stop, out)
            elif name.endswith(".py") and name[:-3].isidentifier():
                stem = name[:-3]
                out.module_names.append(module if stem == "__init__" else f"{module}.{stem}")
