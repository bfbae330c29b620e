"""RSC202: `config_schema=` and `context.op_config`: declare a Config class instead."""

from __future__ import annotations

import ast
from typing import Iterator

from dagwire.lint_rules.file_check import FileCheck, Finding, finding
from dagwire.vocabulary.calls import CONFIG_SCHEMA

CODE = "RSC202"
SCHEMA_MESSAGE = (
    "RSC202 config_schema= is the legacy config API: declare a Config class and a "
    "'config' parameter (dagwire migrate rewrites this)"
)
ACCESS_MESSAGE = (
    "RSC202 context.op_config is the legacy config API: read fields of a 'config' "
    "parameter annotated with a Config class (dagwire migrate rewrites this)"
)


def check(file: FileCheck) -> Iterator[Finding]:
    for fn in file.compute_functions():
        if fn.kind not in ("asset", "op"):
            continue
        if isinstance(fn.decorator, ast.Call):
            for keyword in fn.decorator.keywords:
                if keyword.arg == CONFIG_SCHEMA:
                    yield finding(keyword, SCHEMA_MESSAGE)
        use = file.context_use(fn)
        if use is None:
            continue
        for node in use.op_config_nodes:
            yield finding(node, ACCESS_MESSAGE)
