"""What the catalog takes from the ast source model that the RSC lint rules stand on.

The one place the catalog imports the shared source model and the lint rules' helpers. (Two
helpers are still private to RSC101: how a ``Definitions(...)`` argument is found by keyword or
position, and how a merged part is followed to its ``Definitions(...)`` call.) The catalog reads a whole project once, so it
keeps full models of every module (the lint rules keep outlines of siblings: function bodies
dropped, which would lose docstrings and job bodies).
"""

from __future__ import annotations

import ast
import os

from dagwire.lint_rules.definition_time import is_secret_name
from dagwire.lint_rules.file_check import FileCheck
from dagwire.lint_rules.functions import manager_keys, unquoted
from dagwire.lint_rules.merged_parts import is_merge_call
from dagwire.lint_rules.rules.unbound_resource import _keyword as definitions_argument
from dagwire.lint_rules.rules.unbound_resource import _part_call as merged_part
from dagwire.source_model.imports import imports_framework
from dagwire.source_model.module import DecoratedFunction, ModuleModel, build_model
from dagwire.source_model.project import MAX_MODULE_BYTES, ProjectIndex
from dagwire.source_model.resolve import (
    CONFIG,
    PERMISSIVE_CONFIG,
    RESOURCE,
    ClassRef,
    Entry,
    Resolver,
)


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


def file_check(index: FullIndex, model: ModuleModel) -> FileCheck:
    return FileCheck(model, Resolver(index))


__all__ = [
    "CONFIG",
    "PERMISSIVE_CONFIG",
    "RESOURCE",
    "ClassRef",
    "DecoratedFunction",
    "Entry",
    "FileCheck",
    "FullIndex",
    "ModuleModel",
    "Resolver",
    "definitions_argument",
    "file_check",
    "merged_part",
    "is_merge_call",
    "is_secret_name",
    "manager_keys",
    "unquoted",
]
