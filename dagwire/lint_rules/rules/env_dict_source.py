"""RSC205: legacy environment config sources: `{"env": "X"}` values and StringSource types."""

from __future__ import annotations

import ast
import re
from typing import Iterator

from dagwire.lint_rules.file_check import FileCheck, Finding, finding
from dagwire.source_model.module import ModuleModel
from dagwire.vocabulary.calls import CONFIGURED
from dagwire.vocabulary.names import SCHEMA_SOURCES

CODE = "RSC205"
ENV_DICT_MESSAGE = (
    "RSC205 {{\"env\": \"{var}\"}} is the legacy environment config source: "
    "use EnvVar(\"{var}\") (dagwire migrate rewrites this)"
)
SOURCE_MESSAGE = (
    "RSC205 {source} is the legacy environment config source: declare a plain field and "
    "pass EnvVar(...) (dagwire migrate rewrites this)"
)
_SOURCES = frozenset(SCHEMA_SOURCES)


# Environment variable names as written in config sources: `SNOWFLAKE_PASSWORD`. A lower-case
# value (`{"env": "prod"}`) is a config field named `env` far more often than a variable.
_VARIABLE = re.compile(r"[A-Z_][A-Z0-9_]*")


def _env_var(node: ast.expr) -> str | None:
    """The variable of a `{"env": "X"}` display."""
    if isinstance(node, ast.Dict) and len(node.keys) == 1:
        key, value = node.keys[0], node.values[0]
        if isinstance(key, ast.Constant) and key.value == "env":
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                return value.value if _VARIABLE.fullmatch(value.value) else None
    return None


# Keyword arguments and dict keys whose values are labels, not config: dagster-k8s tags such
# as {"pod_template_spec_metadata": {"labels": {"env": "prod"}}}, asset metadata, owners.
_LABEL_KEYWORDS = frozenset({"tags", "op_tags", "run_tags", "metadata", "labels", "owners"})
_LABEL_KEYS = frozenset({"labels", "tags", "annotations", "metadata", "pod_template_spec_metadata"})


def _in_labels(model: ModuleModel, node: ast.AST) -> bool:
    child = node
    parent = model.parents.get(id(child))
    while parent is not None and not isinstance(parent, ast.stmt):
        if isinstance(parent, ast.keyword) and parent.arg in _LABEL_KEYWORDS:
            return True
        if isinstance(parent, ast.Dict):
            for key, value in zip(parent.keys, parent.values):
                if value is child and isinstance(key, ast.Constant) and key.value in _LABEL_KEYS:
                    return True
        child, parent = parent, model.parents.get(id(parent))
    return False


def _in_run_config(model: ModuleModel, node: ast.AST) -> bool:
    """Inside run config (under a "config" key, a `run_config=` / `config=` argument, or
    `RunConfig(...)`): there {"env": "X"} is the form both frameworks read, and an EnvVar
    object is refused, so it is not a legacy source to replace."""
    child = node
    parent = model.parents.get(id(child))
    while parent is not None and not isinstance(parent, ast.stmt):
        if isinstance(parent, ast.keyword) and parent.arg in ("config", "run_config"):
            return True
        if isinstance(parent, ast.Call) and model.imports.role(parent.func) == "RunConfig":
            return True
        if isinstance(parent, ast.Dict):
            for key, value in zip(parent.keys, parent.values):
                if value is child and isinstance(key, ast.Constant) and key.value == "config":
                    return True
        child, parent = parent, model.parents.get(id(parent))
    return False


def check(file: FileCheck) -> Iterator[Finding]:
    model = file.model
    # Only as a value inside config (another dict, or `.configured(...)`): a top-level
    # {"env": "prod"} is much more often a tag than a config source. Run config is left
    # alone: {"env": "X"} is how run config reads a variable (for Pythonic Config and
    # resource fields too), where EnvVar("X") would be refused.
    for mapping in model.dicts:
        for key, value in zip(mapping.keys, mapping.values):
            if isinstance(key, ast.Constant) and key.value == "config":
                continue  # {"config": {"env": ...}}: the config itself, `env` is a field
            var = _env_var(value)
            if var is None or _in_labels(model, value) or _in_run_config(model, value):
                continue
            yield finding(value, ENV_DICT_MESSAGE.format(var=var))
    for call in model.calls:
        if isinstance(call.func, ast.Attribute) and call.func.attr == CONFIGURED:
            for arg in call.args[:1]:
                var = _env_var(arg)
                if var is not None:
                    yield finding(arg, ENV_DICT_MESSAGE.format(var=var))
    for ref in model.source_refs:
        role = model.imports.role(ref)
        if role in _SOURCES:
            yield finding(ref, SOURCE_MESSAGE.format(source=role))
