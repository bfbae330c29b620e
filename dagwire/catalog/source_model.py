"""What the catalog takes from the ast source model that the RSC lint rules stand on.

The one place the catalog imports the shared source model (`dagwire.source_model`): names,
constants, classes, requirements, and the code location model that assembles Definitions
values (merges, builder functions, dg defs folders) the way Dagster does. The catalog reads
a whole project once, so it keeps full models of every module (the lint rules keep outlines
of siblings: function bodies dropped, which would lose docstrings and job bodies).
"""

from __future__ import annotations

import ast
import os

from dagwire.source_model.code_location import (
    Assembled,
    Assembler,
    is_definitions_function,
    is_merge_call,
)
from dagwire.source_model.imports import imports_framework
from dagwire.source_model.module import DecoratedFunction, ModuleModel, build_model
from dagwire.source_model.project import MAX_MODULE_BYTES, ProjectIndex
from dagwire.source_model.requirements import unquoted
from dagwire.source_model.resolve import Resolver
from dagwire.source_model.resolve_classes import CONFIG, PERMISSIVE_CONFIG, RESOURCE, ClassRef
from dagwire.source_model.resolve_loaders import Entry
from dagwire.source_model.resolve_values import Scope


class FullIndex(ProjectIndex):
    """A project index whose modules keep their bodies, parents and name index."""

    def __init__(self) -> None:
        super().__init__()
        self._whole: dict[str, ModuleModel | None] = {}

    def model_for_path(self, path: str) -> ModuleModel | None:
        path = os.path.abspath(path)
        if path not in self._whole:
            self._whole[path] = _parse(path)
        return self._whole[path]


def _parse(path: str) -> ModuleModel | None:
    try:
        if os.path.getsize(path) > MAX_MODULE_BYTES:
            return None
        with open(path, "rb") as handle:
            tree = ast.parse(handle.read(), filename=path)
    except (OSError, SyntaxError, ValueError, RecursionError):
        return None
    return build_model(tree, path, framework=imports_framework(tree))


__all__ = [
    "CONFIG",
    "PERMISSIVE_CONFIG",
    "RESOURCE",
    "Assembled",
    "Assembler",
    "ClassRef",
    "DecoratedFunction",
    "Entry",
    "FullIndex",
    "ModuleModel",
    "Resolver",
    "Scope",
    "is_definitions_function",
    "is_merge_call",
    "unquoted",
]
