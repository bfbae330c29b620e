"""RSC301: a string literal given to a secret-named resource field or config key.

Covered places: keyword arguments of resource and Config constructors (and of any
constructor inside `resources={...}` / `resource_defs={...}`), field defaults of resource
and Config classes, keys of config dicts (`.configured({...})`, `config=`, `run_config=`), and
keys of a module-level dict splatted into a constructor (`Mailer(**MAIL_CONF)`). Test files
are not checked, and placeholders (`"${DB_PASSWORD}"`, `"<token>"`) are not secrets.
"""

from __future__ import annotations

import ast
from typing import Iterator

from dagwire.lint_rules.definition_time import (
    config_class_bodies,
    config_dicts,
    constructs_resource_or_config,
    is_literal_secret,
    is_test_file,
    nested_dicts,
    resource_dict_values,
    splatted_items,
)
from dagwire.lint_rules.file_check import FileCheck, Finding, finding
from dagwire.secret_names import is_secret_name

CODE = "RSC301"
MESSAGE = (
    "RSC301 hard-coded secret for '{name}': pass EnvVar(\"...\") so the value is read from "
    "the environment at run time"
)
# In a config dict an EnvVar object is refused (by Dagster and dagwire): the dict form reads it.
DICT_MESSAGE = (
    "RSC301 hard-coded secret for '{name}': give {{\"env\": \"...\"}} so the value is read "
    "from the environment at run time (in a config dict, EnvVar(...) is refused)"
)


def check(file: FileCheck) -> Iterator[Finding]:
    model = file.model
    if is_test_file(model.path):
        return
    candidates = [
        call
        for call in model.calls
        if any(_secret_keyword(keyword) or keyword.arg is None for keyword in call.keywords)
    ]
    if candidates:
        dict_values = resource_dict_values(file)
        for call in candidates:
            literal = [
                (keyword.arg, keyword.value)
                for keyword in call.keywords
                if keyword.arg is not None and _secret_keyword(keyword)
            ]
            if any(keyword.arg is None for keyword in call.keywords):
                # `**SHARED_CONF`: a dict of this module splatted into the constructor
                literal += [
                    (key, value)
                    for key, value in splatted_items(file, call)
                    if is_secret_name(key) and is_literal_secret(value)
                ]
            if literal and constructs_resource_or_config(file, call, dict_values):
                for name, value in literal:
                    yield finding(value, MESSAGE.format(name=name))
    for cls in config_class_bodies(file):
        for stmt in cls.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                if stmt.value is not None and is_secret_name(stmt.target.id):
                    if is_literal_secret(stmt.value):
                        yield finding(stmt.value, MESSAGE.format(name=stmt.target.id))
    seen: set[int] = set()
    for root in config_dicts(file):
        for mapping in nested_dicts(root):
            if id(mapping) in seen:
                continue
            seen.add(id(mapping))
            for key, value in zip(mapping.keys, mapping.values):
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    if is_secret_name(key.value) and is_literal_secret(value):
                        yield finding(value, DICT_MESSAGE.format(name=key.value))


def _secret_keyword(keyword: ast.keyword) -> bool:
    return (
        keyword.arg is not None
        and is_secret_name(keyword.arg)
        and is_literal_secret(keyword.value)
    )
