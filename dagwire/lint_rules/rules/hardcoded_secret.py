"""RSC301: a string literal given to a secret-named resource field or config key.

Covered places: keyword arguments of resource and Config constructors (and of any
constructor inside `resources={...}` / `resource_defs={...}`), field defaults of resource
and Config classes, keys of config dicts (`.configured({...})`, `config=`, `run_config=`), and
keys of a module-level dict splatted into a constructor (`Mailer(**MAIL_CONF)`). Test files
are not checked, and placeholders (`"${DB_PASSWORD}"`, `"<token>"`) are not secrets.

The advice depends on where the secret is: `EnvVar("...")` where a Pythonic class takes it,
`{"env": "..."}` in a config dict (where an EnvVar object is refused), and for a legacy
resource's plain `str` field, to declare it a StringSource first (a plain field refuses
`{"env": ...}`).
"""

from __future__ import annotations

import ast
from typing import Iterator

from dagwire.lint_rules.definition_time import (
    ENV_SOURCE,
    PLAIN_SCALAR,
    config_class_bodies,
    config_dicts,
    configured_field,
    constructed_class,
    constructs_resource_or_config,
    is_literal_secret,
    nested_dicts,
    resource_dict_values,
    splatted_items,
)
from dagwire.lint_rules.file_check import FileCheck, Finding, finding
from dagwire.secret_names import is_secret_name
from dagwire.source_model.walk import is_test_file

CODE = "RSC301"
# A Pythonic resource or Config class takes an EnvVar in its constructor and as a field default.
MESSAGE = (
    "RSC301 hard-coded secret for '{name}': pass EnvVar(\"...\") so the value is read from "
    "the environment at run time"
)
# A callable in a resources dict that is not a class the rules know to be Pythonic: EnvVar
# only suits a ConfigurableResource; anything else reads the variable when it is built.
CALL_MESSAGE = (
    "RSC301 hard-coded secret for '{name}': read it from the environment at run time "
    "(EnvVar(\"...\") if {callee} is a ConfigurableResource, else build it in an @resource "
    "function)"
)
# In a config dict an EnvVar object is refused (by Dagster and dagwire): the dict form reads it,
# where the field is a source (StringSource, or any field of a Pythonic Config or resource).
DICT_MESSAGE = (
    "RSC301 hard-coded secret for '{name}': give {{\"env\": \"...\"}} so the value is read "
    "from the environment at run time (in a config dict, EnvVar(...) is refused)"
)
UNKNOWN_FIELD_MESSAGE = (
    "RSC301 hard-coded secret for '{name}': give {{\"env\": \"...\"}} so the value is read "
    "from the environment at run time (a StringSource field or a Pythonic Config or resource "
    "field reads it; in a config dict, EnvVar(...) is refused)"
)
# A legacy schema's plain `str` field refuses {"env": ...}: it must become a source first.
PLAIN_FIELD_MESSAGE = (
    "RSC301 hard-coded secret for '{name}': declare '{name}' as StringSource in the "
    "config_schema of resource '{resource}' and give {{\"env\": \"...\"}} so the value is "
    "read from the environment at run time"
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
            if not literal or not constructs_resource_or_config(file, call, dict_values):
                continue
            pythonic = constructed_class(file, call) is not None
            callee = ast.unparse(call.func)
            for name, value in literal:
                if pythonic:
                    yield finding(value, MESSAGE.format(name=name))
                else:
                    yield finding(value, CALL_MESSAGE.format(name=name, callee=callee))
    for cls in config_class_bodies(file):
        for stmt in cls.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                if stmt.value is not None and is_secret_name(stmt.target.id):
                    if is_literal_secret(stmt.value):
                        yield finding(stmt.value, MESSAGE.format(name=stmt.target.id))
    seen: set[int] = set()
    for root, call in config_dicts(file):
        for mapping in nested_dicts(root):
            if id(mapping) in seen:
                continue
            seen.add(id(mapping))
            for key, value in zip(mapping.keys, mapping.values):
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    if is_secret_name(key.value) and is_literal_secret(value):
                        yield finding(value, _dict_message(file, call, root, mapping, key.value))


def _dict_message(
    file: FileCheck, call: ast.Call, root: ast.Dict, mapping: ast.Dict, name: str
) -> str:
    """The advice for a secret in a config dict, by what the receiving field reads."""
    field = configured_field(file, call, name) if mapping is root else None
    if field == ENV_SOURCE:
        return DICT_MESSAGE.format(name=name)
    if field == PLAIN_SCALAR:
        assert isinstance(call.func, ast.Attribute)
        resource = ast.unparse(call.func.value)
        return PLAIN_FIELD_MESSAGE.format(name=name, resource=resource)
    return UNKNOWN_FIELD_MESSAGE.format(name=name)


def _secret_keyword(keyword: ast.keyword) -> bool:
    return (
        keyword.arg is not None
        and is_secret_name(keyword.arg)
        and is_literal_secret(keyword.value)
    )
