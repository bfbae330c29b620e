"""RSC205: legacy environment config sources: `{"env": "X"}` values and StringSource types."""

from __future__ import annotations

import ast
from typing import Iterator

from dagwire.lint_rules.file_check import FileCheck, Finding, finding

CODE = "RSC205"
ENV_DICT_MESSAGE = (
    "RSC205 {{\"env\": \"{var}\"}} is the legacy environment config source: "
    "use EnvVar(\"{var}\") (dagwire migrate rewrites this)"
)
SOURCE_MESSAGE = (
    "RSC205 {source} is the legacy environment config source: declare a plain field and "
    "pass EnvVar(...) (dagwire migrate rewrites this)"
)
_SOURCES = {"StringSource", "IntSource", "BoolSource"}


def _env_var(node: ast.expr) -> str | None:
    """The variable of a `{"env": "X"}` display."""
    if isinstance(node, ast.Dict) and len(node.keys) == 1:
        key, value = node.keys[0], node.values[0]
        if isinstance(key, ast.Constant) and key.value == "env":
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                return value.value
    return None


def check(file: FileCheck) -> Iterator[Finding]:
    model = file.model
    # Only as a value inside config (another dict, or `.configured(...)`): a top-level
    # {"env": "prod"} is much more often a tag than a config source.
    for mapping in model.dicts:
        for value in mapping.values:
            var = _env_var(value)
            if var is not None:
                yield finding(value, ENV_DICT_MESSAGE.format(var=var))
    for call in model.calls:
        if isinstance(call.func, ast.Attribute) and call.func.attr == "configured":
            for arg in call.args[:1]:
                var = _env_var(arg)
                if var is not None:
                    yield finding(arg, ENV_DICT_MESSAGE.format(var=var))
    for ref in model.source_refs:
        role = model.imports.role(ref)
        if role in _SOURCES:
            yield finding(ref, SOURCE_MESSAGE.format(source=role))
