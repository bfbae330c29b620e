"""A dg project's defs folder as module names: which package it is, and which of its modules
dagster loads.

Which config file names the defs package, and how dagster walks the folder, is read by the
shared source model (`dagwire/source_model/defs_folder.py`); this module turns what it finds
into the module names mypy knows them by, and says which files and folders the result
depends on (so that editing them re-checks the module that loads the folder).
"""

from __future__ import annotations

import os

from dagwire.source_model import defs_folder
from dagwire.vocabulary.calls import DG_CONFIG_TABLES

INIT = "__init__"


def project_defs_module(start: str) -> tuple[str | None, str | None]:
    """(the defs package's module name, the config file that says so) for a project
    containing directory `start`; (None, None) when no config file names a module."""
    found = defs_folder.project_defs_module(start)
    if found is None:
        return None, None
    project, module = found
    for name in DG_CONFIG_TABLES:
        config = os.path.join(project, name)
        if os.path.isfile(config):
            return module, config
    return module, None


def defs_folder_on_disk(start: str) -> str | None:
    """The folder of the defs package of the project containing directory `start`, found
    on disk (where mypy has no node for the package or the packages above it)."""
    found = defs_folder.project_defs_module(start)
    return defs_folder.module_folder(found[0], found[1], []) if found is not None else None


class Walked:
    """What dagster's walk of a defs folder finds: module names (in load order), whether a
    part was met whose definitions are not read (a YAML component without a `type:`, a
    folder too big to walk), the `type:` of each component declared in YAML, and the paths
    what is found depends on (the directories walked, the YAML files read)."""

    __slots__ = ("module_names", "has_yaml_component", "component_types", "paths")

    def __init__(self) -> None:
        self.module_names: list[str] = []
        self.has_yaml_component = False
        self.component_types: list[str] = []
        self.paths: list[str] = []


def walk_defs_folder(package: str, directory: str, stop_at_definitions: bool) -> Walked:
    """The modules of a defs package (at `directory`) dagster loads, as its walk finds them."""
    out = Walked()
    out.paths.append(directory)
    items = defs_folder.walk(directory, stop_at_definitions)
    if items is None:
        out.has_yaml_component = True  # too big to read: what it holds is unknown
        return out
    _add(items, package, directory, out)
    return out


def _add(items: list[defs_folder.Item], package: str, directory: str, out: Walked) -> None:
    for item in items:
        if item.kind == defs_folder.YAML:
            out.paths.append(item.path)  # an edited `type:` re-checks the loading module
            out.component_types += item.types
            if not item.types:
                out.has_yaml_component = True
        elif item.kind == defs_folder.FOLDER:
            out.paths.append(item.path)
            _add(item.children, package, directory, out)
        else:
            relative = os.path.relpath(item.path, directory)[:-3].split(os.sep)
            if relative[-1] == INIT:
                relative.pop()
            folder = os.path.dirname(item.path)
            if folder not in out.paths:
                out.paths.append(folder)  # a keyword file's folder
            out.module_names.append(".".join([package, *relative]))


def is_library_component(component: str, package: str, folder: str) -> bool:
    """Whether a component declared in YAML (by its `type:`) is a library's, not the
    project's (its module is a file beside the defs package). A library's component binds
    no resource key when the vocabulary says so, else it may bind any, as the lint rules
    take it."""
    module = component.rpartition(".")[0]
    if not module:
        return False
    root = folder
    for _ in package.split("."):
        root = os.path.dirname(root)
    base = os.path.join(root, *module.split("."))
    return not (os.path.isfile(f"{base}.py") or os.path.isdir(base))
