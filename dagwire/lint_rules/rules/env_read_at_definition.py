"""RSC302: the environment read when the definition is imported.

`os.getenv(...)`, `os.environ[...]`, `os.environ.get(...)` or `EnvVar("X").get_value()` in a
resource or Config constructor call (outside op/asset/sensor/schedule bodies) or in a field
default of such a class. The value is frozen at import, shown wherever the definition is
shown (the resource catalog), and differs between the process that loads definitions and
the one that runs them.
"""

from __future__ import annotations

import ast
from typing import Iterator

from dagwire.lint_rules.definition_time import (
    at_definition_time,
    config_class_bodies,
    constructs_resource_or_config,
    env_read,
    is_test_file,
    resource_dict_values,
    run_time_lines,
    splatted_items,
)
from dagwire.lint_rules.file_check import FileCheck, Finding, finding

CODE = "RSC302"
MESSAGE = (
    "RSC302 {how} reads the environment when the definition is imported: "
    "pass EnvVar(\"{var}\") so the value is read at run time"
)


def _reads(file: FileCheck, node: ast.AST) -> Iterator[tuple[ast.AST, str, str | None]]:
    for inner in ast.walk(node):
        found = env_read(file, inner)
        if found is not None:
            yield inner, found[0], found[1]


def check(file: FileCheck) -> Iterator[Finding]:
    model = file.model
    if is_test_file(model.path):
        return  # a test builds its resources when it runs
    has_env_reads = any(
        isinstance(node, ast.Call) and env_read(file, node) is not None for node in model.calls
    ) or _mentions_environ(file)
    if not has_env_reads:
        return
    spans = run_time_lines(file)
    dict_values = resource_dict_values(file)
    seen: set[int] = set()
    for call in model.calls:
        if not at_definition_time(call, spans):
            continue
        arguments = [*call.args, *(keyword.value for keyword in call.keywords)]
        reads = [read for argument in arguments for read in _reads(file, argument)]
        if any(keyword.arg is None for keyword in call.keywords):
            splatted = [value for _, value in splatted_items(file, call)]
            reads += [read for value in splatted for read in _reads(file, value)]
        if not reads or not constructs_resource_or_config(file, call, dict_values):
            continue
        for node, how, var in reads:
            if id(node) not in seen:
                seen.add(id(node))
                yield finding(node, MESSAGE.format(how=how, var=var or "NAME"))
    for cls in config_class_bodies(file):
        for stmt in cls.body:
            if isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
                for node, how, var in _reads(file, stmt.value):
                    if id(node) not in seen:
                        seen.add(id(node))
                        yield finding(node, MESSAGE.format(how=how, var=var or "NAME"))


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
