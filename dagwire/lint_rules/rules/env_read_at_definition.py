"""RSC302: a secret read from the environment when the definition is imported.

`os.getenv(...)`, `os.environ[...]`, `os.environ.get(...)` or `EnvVar("X").get_value()` given
to a secret-named field of a resource or Config class (a constructor keyword, or a field
default of the class body) in code that runs at import: not in op, asset, sensor or schedule
bodies, not where a resource is built for a run (`@resource` bodies, a class's methods such
as `setup_for_execution`), not in calls that run definitions right away. The secret is
frozen into the definition's config, shown wherever the definition is shown (the UI, the
resource catalog), and may differ from the environment of the process that runs it.

Reported only where `EnvVar(...)` is a drop-in fix: the read is the whole value, has no
default (an EnvVar has none), and the class is one the rules can read (an int field gets
`EnvVar.int`). Reads of values that are not secrets are not reported: the decision is on the
rule's page, with the evidence.
"""

from __future__ import annotations

import ast
from typing import Iterator

from dagwire.lint_rules.definition_time import (
    at_definition_time,
    config_class_bodies,
    constructed_class,
    env_read,
    field_annotation,
    has_default,
    is_int_annotation,
    run_time_lines,
    splatted_items,
)
from dagwire.lint_rules.file_check import FileCheck, Finding, finding
from dagwire.secret_names import is_secret_name
from dagwire.source_model.walk import is_test_file
from dagwire.source_model.resolve_classes import ClassRef

CODE = "RSC302"
MESSAGE = (
    "RSC302 {how} reads the secret '{name}' when the definition is imported: "
    "pass {env_var}(\"{var}\") so the value is read at run time"
)


def check(file: FileCheck) -> Iterator[Finding]:
    model = file.model
    if is_test_file(model.path):
        return  # a test builds its resources when it runs
    if not any(_is_read(file, node) for node in model.calls) and not _mentions_environ(file):
        return
    spans = run_time_lines(file)
    for call in model.calls:
        if not call.keywords or not at_definition_time(call, spans):
            continue
        ref = constructed_class(file, call)
        if ref is None:
            continue  # only a class the rules can read takes EnvVar for sure
        given = [(k.arg, k.value) for k in call.keywords if k.arg is not None]
        if any(keyword.arg is None for keyword in call.keywords):
            given += splatted_items(file, call)
        for name, value in given:
            found = _finding(file, ref, name, value)
            if found is not None:
                yield found
    for cls in config_class_bodies(file):
        if not at_definition_time(cls, spans):
            continue
        ref = file.resolver.class_ref(model, ast.Name(id=cls.name, ctx=ast.Load()))
        for stmt in cls.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                if stmt.value is not None:
                    found = _finding(file, ref, stmt.target.id, stmt.value)
                    if found is not None:
                        yield found


def _finding(file: FileCheck, ref: ClassRef | None, name: str, value: ast.expr) -> Finding | None:
    """A secret-named field given exactly an environment read without a default."""
    if not is_secret_name(name):
        return None
    read = env_read(file, value)
    if read is None or has_default(value):
        return None
    how, var = read
    int_field = is_int_annotation(field_annotation(file, ref, name))
    env_var = "EnvVar.int" if int_field else "EnvVar"
    return finding(value, MESSAGE.format(how=how, name=name, env_var=env_var, var=var or "..."))


def _is_read(file: FileCheck, node: ast.AST) -> bool:
    return env_read(file, node) is not None


def _mentions_environ(file: FileCheck) -> bool:
    """Is there an `os.environ[...]` / `environ[...]` subscript anywhere? (Name index, no walk.)"""
    model = file.model
    for identifier in ("os", "environ"):
        for name in model.names.get(identifier, ()):
            node: ast.AST = name
            parent = model.parents.get(id(node))
            if identifier == "os" and isinstance(parent, ast.Attribute):
                node, parent = parent, model.parents.get(id(parent))
            if isinstance(parent, ast.Subscript) and env_read(file, parent) is not None:
                return True
    return False
