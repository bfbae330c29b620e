"""Which files a dg project's defs loader reads, and as what, the way Dagster walks them.

`load_from_defs_folder(path_within_project=...)` finds the nearest `dg.toml` (table `project`)
or `pyproject.toml` (table `tool.dg.project`) at or above the path, takes its `defs_module`
(else `<root_module>.defs`) and loads that package; `load_defs(defs_root=module)` is given
the package. Dagster then walks the package folder in name order (dagster's
`build_filesystem_component_decl_from_context`): a folder holding `defs.yaml` /
`component.yaml` is a component declared in YAML, a `.py` file is a module of definitions, any
other folder is walked in turn (hidden folders and `__pycache__` left out). `load_defs` stops
at a folder holding `definitions.py` (and no `component.py`): only that file is read there.

This module only finds files and reads the few lines of configuration it needs; what the
modules hold is read by `code_location`. Standard library only, no TOML parser: the keys
read are plain `key = "value"` lines.
"""

from __future__ import annotations

import os
import re

from dagwire.vocabulary.calls import (
    COMPONENT_KEYWORD_FILE,
    COMPONENT_YAML_FILES,
    DEFS_FOLDER,
    DEFS_KEYWORD_FILE,
    DG_CONFIG_TABLES,
    DG_DEFS_MODULE,
    DG_ROOT_MODULE,
)
from dagwire.vocabulary.names import DEFS_FOLDER_COMPONENT

# Folders of the defs tree Dagster skips (its EXPLICITLY_IGNORED_GLOB_PATTERNS).
_IGNORED = "__pycache__"
# A defs tree is walked this deep and this wide at most.
_MAX_DEPTH = 12
_MAX_ITEMS = 2000

_TABLE = re.compile(r"^\s*\[([^\]]+)\]\s*(#.*)?$")
_STRING_KEY = re.compile(r"""^\s*([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']""")
_YAML_TYPE = re.compile(r"""^type:\s*["']?([\w.]+)""", re.MULTILINE)

PYTHON = "python"  # a module of definitions
YAML = "yaml"  # a component declared in YAML; `types` are its components' `type:` values
FOLDER = "folder"  # a folder walked in turn


class Item:
    """One thing a defs folder holds, as Dagster loads it."""

    __slots__ = ("kind", "path", "types", "children")

    def __init__(
        self,
        kind: str,
        path: str,
        types: list[str] | None = None,
        children: list[Item] | None = None,
    ) -> None:
        self.kind = kind
        self.path = path
        self.types = types or []
        self.children = children or []


def project_defs_module(start: str) -> tuple[str, str] | None:
    """(the project folder, the defs module's dotted name) of the dg project holding the
    folder `start`, from its nearest config file; None when there is none or it names no
    module."""
    directory = os.path.abspath(start)
    while True:
        for name, table in DG_CONFIG_TABLES.items():
            path = os.path.join(directory, name)
            if os.path.isfile(path):
                keys = _table_strings(path, table)
                if keys is not None:
                    module = keys.get(DG_DEFS_MODULE)
                    root = keys.get(DG_ROOT_MODULE)
                    if module or root:
                        return directory, module or f"{root}.{DEFS_FOLDER}"
                    return None
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def is_project_defs_folder(folder: str) -> bool:
    """Is the folder the defs module its dg project's config names (a namespace package
    too: dagster imports `pkg.defs` without any `__init__.py`)?"""
    found = project_defs_module(folder)
    located = module_folder(found[0], found[1], []) if found is not None else None
    return located is not None and os.path.abspath(located) == os.path.abspath(folder)


def _table_strings(path: str, table: str) -> dict[str, str] | None:
    """The `key = "value"` lines of one table of a TOML file, also written as dotted keys of
    a table above it (`project.root_module = "x"` under `[tool.dg]`); None when the table is
    absent."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    found: dict[str, str] | None = None
    current = ""
    for line in lines:
        header = _TABLE.match(line)
        if header is not None:
            current = header.group(1).strip().strip('"')
            if current == table and found is None:
                found = {}
            continue
        pair = _STRING_KEY.match(line)
        if pair is None:
            continue
        full = f"{current}.{pair.group(1)}" if current else pair.group(1)
        owner, _, key = full.rpartition(".")
        if owner == table:
            found = {} if found is None else found
            found.setdefault(key, pair.group(2))
    return found


def module_folder(project: str, module: str, import_roots: list[str]) -> str | None:
    """The folder of a package named by a dotted module name: below the project folder, its
    `src/` folder or one of the given import roots."""
    parts = module.split(".")
    for base in [project, os.path.join(project, "src"), *import_roots]:
        folder = os.path.join(base, *parts)
        if os.path.isdir(folder):
            return folder
    return None


def walk(folder: str, terminate_on_keyword_files: bool) -> list[Item] | None:
    """What a defs folder holds, in Dagster's order; None when it is too big to read."""
    count = [0]
    found = _walk(folder, terminate_on_keyword_files, 0, count)
    return found if count[0] <= _MAX_ITEMS else None


def _walk(folder: str, terminate: bool, depth: int, count: list[int]) -> list[Item]:
    items: list[Item] = []
    if depth > _MAX_DEPTH:
        count[0] = _MAX_ITEMS + 1
        return items
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return items
    for name in names:
        if name == _IGNORED or name.startswith("."):
            continue
        path = os.path.join(folder, name)
        count[0] += 1
        if count[0] > _MAX_ITEMS:
            return items
        if os.path.isdir(path):
            item = _directory(path, terminate, depth, count)
            if item is not None:
                items.append(item)
        elif name.endswith(".py"):
            items.append(Item(PYTHON, path))
    return items


def _directory(path: str, terminate: bool, depth: int, count: list[int]) -> Item | None:
    for name in COMPONENT_YAML_FILES:
        declared = os.path.join(path, name)
        if os.path.isfile(declared):
            types = _yaml_types(declared)
            if types and all(t.rsplit(".", 1)[-1] == DEFS_FOLDER_COMPONENT for t in types):
                break  # a folder with post-processing settings: walked like any folder
            return Item(YAML, declared, types=types)
    keyword_file = os.path.join(path, DEFS_KEYWORD_FILE)
    if terminate and os.path.isfile(keyword_file):
        if not os.path.isfile(os.path.join(path, COMPONENT_KEYWORD_FILE)):
            return Item(PYTHON, keyword_file)
    children = _walk(path, terminate, depth + 1, count)
    return Item(FOLDER, path, children=children) if children else None


def _yaml_types(path: str) -> list[str]:
    """The `type:` of each component a YAML file declares (documents split by `---`)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return []
    return _YAML_TYPE.findall(text)
