"""RSC203: an `@resource` function that builds and returns a client by hand."""

from __future__ import annotations

import ast
from typing import Iterator

from dagwire.lint_rules.file_check import MIGRATE_MAY_REWRITE, FileCheck, Finding

CODE = "RSC203"
MESSAGE = (
    "RSC203 @resource function '{name}' is the legacy resource API: define a "
    f"ConfigurableResource class with its config as fields ({MIGRATE_MAY_REWRITE})"
)


def _returns_value(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for node in ast.walk(func):
        if isinstance(node, ast.Return) and node.value is not None:
            return True
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return True
    return False


def check(file: FileCheck) -> Iterator[Finding]:
    for fn in file.model.functions:
        if fn.kind == "resource" and _returns_value(fn.func):
            line, col = fn.decorator.lineno, max(fn.decorator.col_offset - 1, 0)
            yield Finding(line, col, MESSAGE.format(name=fn.function_name))
