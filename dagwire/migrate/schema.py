"""Legacy ``config_schema`` dicts -> typed fields of a Config / ConfigurableResource class.

Works on the stdlib ``ast`` (phase 1 uses it as it is; phase 2 hands the schema's source
text over). Anything it cannot translate exactly raises ``Untranslatable`` with a reason the
TODO comment shows: it never guesses a type.
"""

from __future__ import annotations

import ast
import keyword
from collections.abc import Callable
from dataclasses import dataclass, field

from dagwire.vocabulary.names import SCHEMA_SCALARS, SCHEMA_SOURCES

# Plain schema types (`"x": str`) and the Python type each means.
SCALAR_TYPES: dict[str, str] = {"str": "str", "int": "int", "float": "float", "bool": "bool"}

# Names a pydantic model already uses: a field with one of them would shadow it.
RESERVED_FIELDS = frozenset({
    "schema", "json", "dict", "copy", "construct", "validate", "fields", "parse_obj",
    "parse_raw", "parse_file", "from_orm", "update_forward_refs", "schema_json", "config",
})


# Field's parameters after the config type, in order
_FIELD_POSITIONS = ("default_value", "is_required", "description")

class Untranslatable(Exception):
    """The schema (or a value) has no exact Pythonic equivalent the codemod knows."""


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type_src: str
    default_src: str | None  # None: required
    is_source: bool = False  # StringSource/IntSource/BoolSource: may come from {"env": ...}
    description_src: str | None = None  # Field(..., description="...") as written
    # Field(T, is_required=False) without a default: the legacy dict lacks the key when the
    # run config does (every other field's key is always there, Noneable ones as None)
    may_be_absent: bool = False
    noneable: bool = False  # None is also a value the run config may give

    def line(self, field_function: str = "Field") -> str:
        """``name: type [= default]``; a description goes in pydantic's ``Field``
        (``field_function`` is how the file spells it)."""
        if self.description_src is not None:
            default = "" if self.default_src is None else f"default={self.default_src}, "
            return (f"{self.name}: {self.type_src} = {field_function}({default}"
                    f"description={self.description_src})")
        return f"{self.name}: {self.type_src}" + (
            f" = {self.default_src}" if self.default_src is not None else "")


@dataclass(frozen=True)
class ClassSpec:
    name: str
    fields: tuple[FieldSpec, ...]


@dataclass
class Schema:
    fields: list[FieldSpec]
    nested: list[ClassSpec] = field(default_factory=list)  # Shape -> Config classes, inner first
    needs_optional: bool = False

    def field_named(self, name: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def has_descriptions(self) -> bool:
        return any(f.description_src is not None for f in self.fields) or any(
            f.description_src is not None for c in self.nested for f in c.fields)


def camel(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_") if part)


def check_field_name(name: str) -> None:
    if not name.isidentifier() or keyword.iskeyword(name):
        raise Untranslatable(f'key "{name}" is not a Python identifier')
    if name.startswith("_") or name.startswith("model_") or name in RESERVED_FIELDS:
        raise Untranslatable(f'key "{name}" would shadow a pydantic attribute; rename it')


class _Translator:
    def __init__(self, role_of: Callable[[ast.expr], str | None], allow_sources: bool,
                 source: str | None) -> None:
        self.role_of = role_of
        self.source = source
        self.allow_sources = allow_sources
        self.nested: list[ClassSpec] = []
        self.needs_optional = False

    def fields(self, mapping: ast.Dict) -> list[FieldSpec]:
        specs: list[FieldSpec] = []
        problems: list[str] = []  # every field's problem, so one TODO lists them all
        for key, value in zip(mapping.keys, mapping.values):
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                raise Untranslatable("a key of the schema is not a string literal")
            try:
                check_field_name(key.value)
                specs.append(self.field(key.value, value))
            except Untranslatable as why:
                problems.append(str(why))
        if problems:
            raise Untranslatable("; ".join(problems))
        return specs

    def field(self, name: str, value: ast.expr) -> FieldSpec:
        if isinstance(value, ast.Call) and self.role_of(value) == "Field":
            # Field(config, default_value, is_required, description): by position too
            positional = dict(zip(_FIELD_POSITIONS, value.args[1:]))
            if not value.args or len(value.args) > 1 + len(_FIELD_POSITIONS) or any(
                    k.arg in positional or k.arg is None for k in value.keywords):
                raise Untranslatable(f'Field of "{name}" has no single type argument')
            options = positional | {k.arg: k.value for k in value.keywords if k.arg}
            unknown = set(options) - {"default_value", "is_required", "description"}
            if unknown:
                raise Untranslatable(
                    f'Field of "{name}" uses {", ".join(sorted(str(u) for u in unknown))}')
            description = None
            if "description" in options:
                node = options["description"]
                try:
                    is_text = isinstance(ast.literal_eval(node), str)
                except ValueError:
                    is_text = False
                if not is_text:
                    raise Untranslatable(f'description of "{name}" is not a string literal')
                description = self.text(node)
            type_src, is_source = self.type(name, value.args[0])
            # Field(Noneable(T)): the key is there (None) unless is_required=False
            noneable = isinstance(value.args[0], ast.Call) and (
                self.role_of(value.args[0]) == "Noneable")
            if "default_value" in options:
                default = options["default_value"]
                try:
                    ast.literal_eval(default)
                except ValueError:
                    raise Untranslatable(f'default of "{name}" is not a literal') from None
                return FieldSpec(name, type_src, self.text(default), is_source, description,
                                 noneable=noneable)
            required = options.get("is_required")
            if isinstance(required, ast.Constant) and required.value is False:
                self.needs_optional = True
                optional = type_src if noneable else f"Optional[{type_src}]"
                return FieldSpec(name, optional, "None", is_source, description,
                                 may_be_absent=True, noneable=noneable)
            if required is not None and not (
                    isinstance(required, ast.Constant) and required.value is True):
                raise Untranslatable(f'is_required of "{name}" is not a literal')
            if noneable:
                return FieldSpec(name, type_src, "None", is_source, description, noneable=True)
            return FieldSpec(name, type_src, None, is_source, description)
        if isinstance(value, ast.Call) and self.role_of(value) == "Noneable":
            type_src, is_source = self.type(name, value)
            return FieldSpec(name, type_src, "None", is_source, noneable=True)
        type_src, is_source = self.type(name, value)
        return FieldSpec(name, type_src, None, is_source)

    def type(self, name: str, value: ast.expr) -> tuple[str, bool]:
        if isinstance(value, ast.Name) and value.id in SCALAR_TYPES:
            return SCALAR_TYPES[value.id], False
        role = self.role_of(value) if not isinstance(value, ast.Call) else None
        if role in SCHEMA_SCALARS:
            return SCHEMA_SCALARS[role], False
        if role in SCHEMA_SOURCES:
            if not self.allow_sources:
                raise Untranslatable(f'"{name}" is typed {role} (RSC205 not selected)')
            return SCHEMA_SOURCES[role], True
        if isinstance(value, ast.List) and len(value.elts) == 1:
            return f"list[{self.type(name, value.elts[0])[0]}]", False
        if isinstance(value, ast.Call):
            call_role = self.role_of(value)
            if call_role == "Noneable":
                if len(value.args) != 1 or value.keywords:
                    raise Untranslatable(f'Noneable of "{name}" has no single type argument')
                inner, is_source = self.type(name, value.args[0])
                self.needs_optional = True
                return f"Optional[{inner}]", is_source
            if call_role == "Array" and len(value.args) == 1 and not value.keywords:
                return f"list[{self.type(name, value.args[0])[0]}]", False
            if call_role == "Shape" and len(value.args) == 1 and isinstance(
                    value.args[0], ast.Dict) and not value.keywords:
                return self.shape(name, value.args[0]), False
            if call_role in {"Permissive", "Selector", "Enum"}:
                raise Untranslatable(f'"{name}" is a {call_role}, which has no exact Config form')
        if isinstance(value, ast.Dict):
            return self.shape(name, value), False
        raise Untranslatable(f'the type of "{name}" ({ast.unparse(value)[:40]}) is not a '
                             "plain type the codemod knows")

    def text(self, node: ast.expr) -> str:
        """The default as the user wrote it (quotes included), ``ast.unparse`` otherwise."""
        segment = ast.get_source_segment(self.source, node) if self.source else None
        return segment if segment is not None and "\n" not in segment else ast.unparse(node)

    def shape(self, name: str, mapping: ast.Dict) -> str:
        class_name = camel(name)
        self.nested.append(ClassSpec(class_name, tuple(self.fields(mapping))))
        return class_name


def translate(mapping: ast.expr, role_of: Callable[[ast.expr], str | None],
              allow_sources: bool, source: str | None = None) -> Schema:
    """The schema's fields; required ones first is *not* enforced (pydantic allows any order)."""
    if not isinstance(mapping, ast.Dict):
        raise Untranslatable("config_schema is not a dict literal (computed schema)")
    translator = _Translator(role_of, allow_sources, source)
    fields = translator.fields(mapping)
    return Schema(fields, translator.nested, translator.needs_optional)


def class_source(name: str, base: str, fields: tuple[FieldSpec, ...] | list[FieldSpec],
                 field_function: str = "Field") -> str:
    body = "\n".join(f"    {f.line(field_function)}" for f in fields) or "    pass"
    return f"class {name}({base}):\n{body}\n"
