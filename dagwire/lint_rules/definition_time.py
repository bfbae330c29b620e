"""Where values are fixed at definition time: resource/Config constructors, their field
defaults, resource dicts and config dicts. Shared by the security and config-source rules."""

from __future__ import annotations

import ast
import re
from typing import Iterator

from dagwire.lint_rules.file_check import FileCheck
from dagwire.source_model.resolve_classes import CONFIG, PERMISSIVE_CONFIG, RESOURCE, ClassRef
from dagwire.vocabulary.calls import BINDING_KEYWORDS, CONFIGURED, EXECUTE_IN_PROCESS
from dagwire.vocabulary.names import (
    COMPUTE_KINDS,
    ENV_VAR,
    RESOURCE_KINDS,
    RUN_CONFIG,
    RUN_NOW_CALLS,
    SCHEMA_SCALARS,
    SCHEMA_SOURCES,
)

_CLASS_KINDS = (RESOURCE, CONFIG, PERMISSIVE_CONFIG)
# "${DB_PASSWORD}", "$DB_PASSWORD", "{{ secrets.db }}", "<your token>", "****": a reference
# resolved elsewhere or a blank to fill in, not a secret
_PLACEHOLDER = re.compile(
    r"\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{.*\}\}|<[^<>]*>|\*+|x+|X+", re.DOTALL
)


# A reference inside a longer value: "postgres://etl:${PW}@db", "xoxb-<your-token>",
# "Bearer {{ secrets.api }}"
_EMBEDDED_PLACEHOLDER = re.compile(r"\$\{[^}]+\}|\{\{.*?\}\}|<[A-Za-z][^<>]*>", re.DOTALL)
# Blanks to fill in: "changeme", "TODO", "your-password-here", "YOUR_API_KEY", "..."
_FILL_IN_WORDS = frozenset({
    "changeme", "todo", "tbd", "fixme", "replaceme", "placeholder", "redacted", "notset",
})
_FILL_IN = re.compile(r"(?i)(your|insert|enter|put)[-_ .][\w .-]*|[\w .-]*[-_ ]here|\.+")


def is_literal_secret(value: ast.expr) -> bool:
    if not isinstance(value, ast.Constant) or not isinstance(value.value, str):
        return False
    text = value.value.strip()
    if text == "" or _PLACEHOLDER.fullmatch(text) is not None:
        return False
    if _EMBEDDED_PLACEHOLDER.search(text) is not None or _FILL_IN.fullmatch(text) is not None:
        return False
    return re.sub(r"[^a-z]", "", text.lower()) not in _FILL_IN_WORDS


def env_read(file: FileCheck, node: ast.AST) -> tuple[str, str | None] | None:
    """(`os.getenv()` or similar, the variable name if literal) for an environment read."""
    imports = file.model.imports
    if isinstance(node, ast.Call):
        func = node.func
        first = node.args[0] if node.args else None
        name = _literal(first)
        if imports.is_os_call(func, "getenv"):
            return "os.getenv()", name
        if not isinstance(func, ast.Attribute):
            return None
        if func.attr == "get" and imports.is_os_environ(func.value):
            return "os.environ.get()", name
        if func.attr == "get_value":
            inner = func.value
            if isinstance(inner, ast.Call) and imports.role(inner.func) == ENV_VAR:
                return "EnvVar(...).get_value()", _literal(inner.args[0] if inner.args else None)
    elif isinstance(node, ast.Subscript) and imports.is_os_environ(node.value):
        return "os.environ[...]", _literal(node.slice)
    return None


def has_default(node: ast.AST) -> bool:
    """Does an environment read give a value for an unset variable (`os.getenv("X", "d")`,
    `os.environ.get("X", "d")`, `EnvVar("X").get_value("d")`)? An `EnvVar` has none, so
    advising one would drop it."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "get_value":
        return bool(node.args) or any(k.arg == "default" for k in node.keywords)
    given = node.args[1] if len(node.args) > 1 else None
    given = given or next((k.value for k in node.keywords if k.arg == "default"), None)
    return given is not None and not (isinstance(given, ast.Constant) and given.value is None)


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def run_time_lines(file: FileCheck) -> list[tuple[int, int]]:
    """Line spans of code that runs at run time: op/asset/sensor/schedule bodies, code that
    runs when a resource is built for a run (`@resource` / `@io_manager` function bodies, the
    methods of classes: `setup_for_execution`, `create_resource`, ...), and the arguments of
    calls that run definitions right away (`materialize(...)`,
    `build_op_context(resources=...)`, `job.execute_in_process(...)`) in scripts and notebooks."""
    spans = []
    for fn in file.model.functions:
        if fn.kind in COMPUTE_KINDS or fn.kind in RESOURCE_KINDS:
            body = fn.func.body
            spans.append((body[0].lineno, fn.func.end_lineno or body[-1].lineno))
    for cls in ast.walk(file.model.tree):
        if isinstance(cls, ast.ClassDef):
            for member in cls.body:
                if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    spans.append((member.body[0].lineno, member.end_lineno or member.lineno))
    imports = file.model.imports
    for call in file.model.calls:
        func = call.func
        if (isinstance(func, ast.Attribute) and func.attr == EXECUTE_IN_PROCESS) or (
            imports.role(func) in RUN_NOW_CALLS
        ):
            spans.append((call.lineno, getattr(call, "end_lineno", None) or call.lineno))
    return spans


def at_definition_time(node: ast.AST, spans: list[tuple[int, int]]) -> bool:
    line = getattr(node, "lineno", 0)
    return not any(start <= line <= end for start, end in spans)


def splatted_items(file: FileCheck, call: ast.Call) -> list[tuple[str, ast.expr]]:
    """(key, value) of `**SHARED_CONF` arguments, when `SHARED_CONF` is a dict display of this
    module (`SnowflakeIOManager(database="DB", **SHARED_SNOWFLAKE_CONF)`); values written in
    another module are left out, since a finding must point into the checked file."""
    items: list[tuple[str, ast.expr]] = []
    for keyword in call.keywords:
        if keyword.arg is not None or not isinstance(keyword.value, ast.Name):
            continue
        found = file.resolver.value_of(file.model, keyword.value)
        if found is None or found[0] is not file.model or not isinstance(found[1], ast.Dict):
            continue
        for key, value in zip(found[1].keys, found[1].values):
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                items.append((key.value, value))
    return items


def resource_dict_values(file: FileCheck) -> set[int]:
    """ids of the values of `resources={...}` / `resource_defs={...}` dict displays."""
    ids: set[int] = set()
    for call in file.model.calls:
        for keyword in call.keywords:
            if keyword.arg not in BINDING_KEYWORDS:
                continue
            if isinstance(keyword.value, ast.Dict):
                ids.update(id(value) for value in keyword.value.values)
    return ids


def constructs_resource_or_config(file: FileCheck, call: ast.Call, dict_values: set[int]) -> bool:
    if id(call) in dict_values:
        return True
    return constructed_class(file, call) is not None


def constructed_class(file: FileCheck, call: ast.Call) -> ClassRef | None:
    """The resource or Config class a call constructs (a Pythonic one: it takes EnvVar)."""
    if not isinstance(call.func, (ast.Name, ast.Attribute)):
        return None
    ref = file.resolver.class_ref(file.model, call.func)
    return ref if ref is not None and ref.kind in _CLASS_KINDS else None


def field_annotation(file: FileCheck, ref: ClassRef | None, name: str) -> ast.expr | None:
    """The annotation of a field of a class the rules can read, with its bases."""
    if ref is None or ref.node is None:
        return None
    members = file.resolver.class_members(ref)
    field = members.fields.get(name)
    return field.annotation if field is not None else None


def is_int_annotation(annotation: ast.expr | None) -> bool:
    """`int`, `int | None`, `Optional[int]`: EnvVar.int reads it (EnvVar gives a str)."""
    if isinstance(annotation, ast.Name):
        return annotation.id == "int"
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        sides = [annotation.left, annotation.right]
        others = [s for s in sides if not (isinstance(s, ast.Constant) and s.value is None)]
        return len(others) == 1 and is_int_annotation(others[0])
    if isinstance(annotation, ast.Subscript) and isinstance(annotation.value, ast.Name):
        return annotation.value.id == "Optional" and is_int_annotation(annotation.slice)
    return False


# What a legacy schema field reading a config dict's `{"env": "X"}` needs to be.
ENV_SOURCE = "source"  # a StringSource / IntSource / BoolSource field: it reads the variable
PLAIN_SCALAR = "plain"  # `str` / `String`: refuses {"env": ...}; declare it a Source first


def configured_field(file: FileCheck, call: ast.Call, key: str) -> str | None:
    """For `resource.configured({key: ...})`: is the legacy resource's field `key` a Source
    type (ENV_SOURCE), a plain scalar (PLAIN_SCALAR), or unknown (None)?"""
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr != CONFIGURED:
        return None
    if not isinstance(func.value, (ast.Name, ast.Attribute)):
        return None
    found = file.resolver.definition(file.model, func.value)
    if found is None or found[0].kind not in RESOURCE_KINDS:
        return None
    schema = file.resolver.declared(found[1], found[0]).config_schema or []
    field = next((item.value for item in schema if item.key == key), None)
    if isinstance(field, ast.Call) and field.args:  # Field(StringSource, ...)
        field = field.args[0]
    if field is None:
        return None
    role = found[1].imports.role(field)
    if role in SCHEMA_SOURCES:
        return ENV_SOURCE
    if role in SCHEMA_SCALARS or (isinstance(field, ast.Name) and field.id in _PLAIN_TYPES):
        return PLAIN_SCALAR
    return None


_PLAIN_TYPES = frozenset(SCHEMA_SCALARS.values())


def config_class_bodies(file: FileCheck) -> Iterator[ast.ClassDef]:
    """Module-level classes that are resources or Config classes."""
    for cls in file.model.classes.values():
        ref = file.resolver.class_ref(file.model, ast.Name(id=cls.name, ctx=ast.Load()))
        if ref is not None and ref.kind in _CLASS_KINDS and ref.node is cls:
            yield cls


def config_dicts(file: FileCheck) -> Iterator[tuple[ast.Dict, ast.Call]]:
    """Dict displays that are config, with the call they are given to: `.configured({...})`,
    `config=` / `run_config=` values, and the dicts given to `RunConfig(resources=...,
    ops=...)`."""
    for call in file.model.calls:
        if isinstance(call.func, ast.Attribute) and call.func.attr == CONFIGURED:
            for arg in call.args[:1]:
                if isinstance(arg, ast.Dict):
                    yield arg, call
        run_config = file.model.imports.role(call.func) == RUN_CONFIG
        for keyword in call.keywords:
            if not isinstance(keyword.value, ast.Dict):
                continue
            # `RunConfig(resources={"pg": {"config": {...}}}, ops=...)` holds config too
            if keyword.arg in ("config", "run_config") or (
                run_config and keyword.arg in ("resources", "ops")
            ):
                yield keyword.value, call


def nested_dicts(root: ast.Dict) -> Iterator[ast.Dict]:
    yield root
    for value in root.values:
        if isinstance(value, ast.Dict):
            yield from nested_dicts(value)
