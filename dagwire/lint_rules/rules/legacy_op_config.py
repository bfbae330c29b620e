"""RSC202: `config_schema=` and `context.op_config`: declare a Config class instead.

`dagwire migrate` rewrites a definition whose schema is written in its decorator as a dict of
plain scalar types and whose body reads only keys of it, never passing the context on; the
message says so there, and only there.
"""

from __future__ import annotations

import ast
from typing import Iterator

from dagwire.lint_rules.file_check import (
    MIGRATE_MAY_REWRITE,
    MIGRATE_REWRITES,
    FileCheck,
    Finding,
    finding,
)
from dagwire.source_model.module import DecoratedFunction
from dagwire.vocabulary.calls import CONFIG_SCHEMA
from dagwire.vocabulary.names import SCHEMA_SCALARS

CODE = "RSC202"
SCHEMA_MESSAGE = (
    "RSC202 config_schema= is the legacy config API: declare a Config class and a "
    "'config' parameter ({migrate})"
)
ACCESS_MESSAGE = (
    "RSC202 context.op_config is the legacy config API: read fields of a 'config' "
    "parameter annotated with a Config class ({migrate})"
)
_PLAIN_TYPES = frozenset(SCHEMA_SCALARS.values())


def check(file: FileCheck) -> Iterator[Finding]:
    for fn in file.compute_functions():
        if fn.kind not in ("asset", "op"):
            continue
        migrate = MIGRATE_REWRITES if _rewritable(file, fn) else MIGRATE_MAY_REWRITE
        if isinstance(fn.decorator, ast.Call):
            for keyword in fn.decorator.keywords:
                if keyword.arg == CONFIG_SCHEMA:
                    yield finding(keyword, SCHEMA_MESSAGE.format(migrate=migrate))
        use = file.context_use(fn)
        if use is None:
            continue
        for node in use.op_config_nodes:
            yield finding(node, ACCESS_MESSAGE.format(migrate=migrate))


def _rewritable(file: FileCheck, fn: DecoratedFunction) -> bool:
    """Does the definition meet what `dagwire migrate` needs to write its Config class: a
    schema written in the decorator as a dict of plain scalars, every read a key of it, the
    context never passed on?"""
    if not isinstance(fn.keywords.get(CONFIG_SCHEMA), ast.Dict):
        return False
    declared = file.declared(fn)
    schema = declared.config_schema
    if not declared.complete or not schema:
        return False
    if not all(_plain_scalar(file, item.value) for item in schema):
        return False
    use = file.context_use(fn)
    if use is None:
        return True
    keys = {item.key for item in schema}
    return (
        not use.escapes
        and not use.op_config_opaque
        and not use.resources_opaque
        and all(key in keys for key, _ in use.op_config_reads)
    )


def _plain_scalar(file: FileCheck, value: ast.expr | None) -> bool:
    if value is None:
        return False
    if file.model.imports.role(value) in SCHEMA_SCALARS:
        return True
    return (
        isinstance(value, ast.Name)
        and value.id in _PLAIN_TYPES
        and file.model.imports.lookup(value.id) is None
    )
