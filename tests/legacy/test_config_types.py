"""The legacy config type system, case by case against the real Dagster config system.

Each case is a schema written once (built from either library's names) and a value. Dagster's
verdict is the reference: where it accepts, dagwire returns the same resolved value; where it
rejects, dagwire rejects too, with the exact message we expect.
"""

from __future__ import annotations

import enum
import types
from collections.abc import Callable
from typing import Any

import dagster
import pytest
from dagster._config import convert_potential_field, process_config

from dagwire.runtime.legacy import config_types as ct

Schema = Callable[[Any], Any]


class Color(enum.Enum):
    RED = 1
    BLUE = "b"


def _names(module: Any) -> types.SimpleNamespace:
    names = "Field Noneable Array Shape Permissive Selector Enum EnumValue Map Any Int String"
    ns = types.SimpleNamespace(**{n: getattr(module, n) for n in names.split()})
    for src in ("StringSource", "IntSource", "BoolSource"):
        setattr(ns, src, getattr(module, src))
    return ns


OURS = _names(ct)
OURS.Field = ct.LegacyField
THEIRS = _names(dagster)

# (id, schema builder, value, expected dagwire error or None). ``...`` means "no value given".
CASES: list[tuple[str, Schema, Any, str | None]] = [
    ("dict_defaults", lambda m: {"a": str, "b": m.Field(int, default_value=3)}, {"a": "x"}, None),
    ("missing", lambda m: {"a": str}, {}, 'at <root>: missing required field "a" (String)'),
    ("wrong_scalar", lambda m: {"a": str}, {"a": 1}, "at a: expected String, got int 1"),
    ("unexpected", lambda m: {"a": str}, {"a": "x", "c": 2},
     'at <root>: unexpected field "c" (known fields: a)'),
    ("two_errors", lambda m: {"a": str, "b": int}, {"a": 1, "b": "x"},
     "at a: expected String, got int 1\nat b: expected Int, got str 'x'"),
    ("noneable_absent", lambda m: {"a": m.Noneable(int)}, {}, None),
    ("noneable_none", lambda m: {"a": m.Noneable(int)}, {"a": None}, None),
    ("noneable_wrong", lambda m: {"a": m.Noneable(str)}, {"a": 3},
     "at a: expected String, got int 3"),
    ("noneable_required", lambda m: {"a": m.Field(m.Noneable(int), is_required=True)}, {},
     'at <root>: missing required field "a" (Int?)'),
    ("array_item", lambda m: {"a": m.Array(int)}, {"a": [1, "2"]},
     "at a[1]: expected Int, got str '2'"),
    ("array_list_syntax", lambda m: {"a": [int]}, {"a": [1, 2]}, None),
    ("array_not_list", lambda m: {"a": m.Array(int)}, {"a": "x"},
     "at a: expected a list [Int], got str"),
    ("array_none", lambda m: {"a": m.Array(int)}, {"a": None},
     "at a: must not be None (expected [Int])"),
    ("array_of_noneable", lambda m: {"a": m.Array(m.Noneable(int))}, {"a": [1, None]}, None),
    ("array_of_shapes", lambda m: {"a": m.Array({"c": int})}, {"a": [{"c": 1}, {"c": "x"}]},
     "at a[1].c: expected Int, got str 'x'"),
    ("bare_list", lambda m: {"a": list}, {"a": [1, "x"]}, None),
    ("bare_dict", lambda m: {"a": dict}, {"a": {"x": 1}}, None),
    ("shape_optional", lambda m: {"a": m.Shape({"x": int, "y": m.Field(str, is_required=False)})},
     {"a": {"x": 1}}, None),
    ("nested_defaults_absent", lambda m: {"a": {"x": m.Field(int, default_value=1)}}, ..., None),
    ("nested_defaults_empty", lambda m: {"a": {"x": m.Field(int, default_value=1)}}, {}, None),
    ("nested_required", lambda m: {"a": {"x": m.Field(int, default_value=1), "y": int}}, {},
     'at <root>: missing required field "a" ({ x?: Int y: Int })'),
    ("nested_path", lambda m: {"a": {"b": {"c": int}}}, {"a": {"b": {"c": "no"}}},
     "at a.b.c: expected Int, got str 'no'"),
    ("shape_not_dict", lambda m: {"a": {"b": int}}, {"a": 5},
     "at a: expected a dict { b: Int }, got int"),
    ("shape_none", lambda m: {"a": {"b": m.Field(int, default_value=1)}}, {"a": None},
     "at a: must not be None (expected { b?: Int })"),
    ("empty_shape", lambda m: {"a": {}}, {"a": {"x": 1}},
     'at a: unexpected field "x" (known fields: none)'),
    ("permissive", lambda m: m.Permissive({"x": int}), {"x": 1, "z": {"q": 1}}, None),
    ("permissive_default", lambda m: {"a": m.Permissive({"b": m.Field(int, default_value=2)})},
     {"a": {"z": 1}}, None),
    ("permissive_missing", lambda m: {"a": m.Permissive({"x": int})}, {"a": {}},
     'at a: missing required field "x" (Int)'),
    ("selector", lambda m: m.Selector({"x": int, "y": str}), {"y": "q"}, None),
    ("selector_two", lambda m: m.Selector({"x": int, "y": str}), {"y": "q", "x": 1},
     "at <root>: exactly one of the fields x, y must be given, got y, x"),
    ("selector_default", lambda m: {"a": m.Selector({"x": m.Field(int, default_value=3)})}, {},
     None),
    ("enum",
     lambda m: {"e": m.Enum("Color", [m.EnumValue("RED"), m.EnumValue("BLUE", python_value=2)])},
     {"e": "BLUE"}, None),
    ("enum_unknown", lambda m: {"e": m.Enum("Color", [m.EnumValue("RED"), m.EnumValue("BLUE")])},
     {"e": "GREEN"}, "at e: 'GREEN' is not a Color value (RED, BLUE)"),
    ("enum_not_str", lambda m: {"e": m.Enum("E", [m.EnumValue("X")])}, {"e": 3},
     "at e: expected the name of a E value (X), got int"),
    ("enum_python", lambda m: {"c": m.Enum.from_python_enum(Color)}, {"c": "RED"}, None),
    ("string_source_env", lambda m: {"s": m.StringSource}, {"s": {"env": "DAGWIRE_T_HOME"}}, None),
    ("string_source_plain", lambda m: {"s": m.StringSource}, {"s": "plain"}, None),
    ("string_source_unset", lambda m: {"s": m.StringSource}, {"s": {"env": "DAGWIRE_T_UNSET"}},
     'at s: environment variable "DAGWIRE_T_UNSET" is not set'),
    ("string_source_bad_key", lambda m: {"s": m.StringSource}, {"s": {"nope": "X"}},
     'at s: expected {"env": "VARIABLE_NAME"}, got fields nope'),
    ("string_source_int", lambda m: {"s": m.StringSource}, {"s": 3},
     "at s: expected String, got int 3"),
    ("int_source_env", lambda m: {"s": m.IntSource}, {"s": {"env": "DAGWIRE_T_N42"}}, None),
    ("int_source_text", lambda m: {"s": m.IntSource}, {"s": {"env": "DAGWIRE_T_HOME"}},
     'at s: environment variable "DAGWIRE_T_HOME" cannot be read as an int'),
    ("int_source_str", lambda m: {"s": m.IntSource}, {"s": "7"}, "at s: expected Int, got str '7'"),
    ("bool_source_env", lambda m: {"s": m.BoolSource}, {"s": {"env": "DAGWIRE_T_YES"}}, None),
    ("bool_source_false", lambda m: {"s": m.BoolSource}, {"s": {"env": "DAGWIRE_T_FALSE"}}, None),
    ("bool_source_plain", lambda m: {"s": m.BoolSource}, {"s": True}, None),
    ("float_from_int", lambda m: {"f": float}, {"f": 1}, None),
    ("int_not_bool", lambda m: {"f": int}, {"f": True}, "at f: expected Int, got bool True"),
    ("bool_not_int", lambda m: {"f": bool}, {"f": 1}, "at f: expected Bool, got int 1"),
    ("int_not_float", lambda m: {"f": int}, {"f": 1.0}, "at f: expected Int, got float 1.0"),
    ("scalar_root", lambda m: int, 5, None),
    ("scalar_root_missing", lambda m: str, ..., "at <root>: missing required config (String)"),
    ("list_root", lambda m: [int], [1, 2], None),
    ("field_root", lambda m: m.Field(int, default_value=3), ..., None),
    ("not_required_absent", lambda m: {"a": m.Field(str, is_required=False)}, {}, None),
    ("not_required_none", lambda m: {"a": m.Field(int, is_required=False)}, {"a": None},
     "at a: must not be None (expected Int)"),
    ("default_given_none", lambda m: {"a": m.Field(int, default_value=1)}, {"a": None},
     "at a: must not be None (expected Int)"),
    ("any_value", lambda m: {"a": m.Any}, {"a": {"x": [1]}}, None),
    ("dict_default_value", lambda m: {"a": m.Field(dict, default_value={"k": 1})}, ..., None),
    ("map", lambda m: {"a": m.Map(str, int)}, {"a": {"k": 1, "j": 2}}, None),
    ("map_bad_value", lambda m: {"a": m.Map(str, int)}, {"a": {"k": 1, "j": "x"}},
     "at a.j: expected Int, got str 'x'"),
    ("noneable_array_absent", lambda m: {"a": m.Noneable(m.Array(int))}, {}, None),
    ("no_schema", lambda m: None, {"x": 1}, None),
    ("no_schema_absent", lambda m: None, ..., None),
]


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DAGWIRE_T_HOME", "/home/someone")
    monkeypatch.setenv("DAGWIRE_T_N42", "42")
    monkeypatch.setenv("DAGWIRE_T_YES", "yes")
    monkeypatch.setenv("DAGWIRE_T_FALSE", "False")
    monkeypatch.delenv("DAGWIRE_T_UNSET", raising=False)


def _dagster_verdict(schema: Any, value: Any) -> tuple[bool, Any]:
    # an op without config_schema takes any config, or none (checked in test_paired_programs too)
    if schema is None:
        field = dagster.Field(dagster.Any, is_required=False)
    else:
        field = convert_potential_field(schema)
    if value is ...:
        if field.is_required:
            return False, None
        value = field.default_value if field.default_provided else None
    result = process_config(field.config_type, value)
    return result.success, result.value


def test_there_are_cases() -> None:
    assert len(CASES) > 50


@pytest.mark.parametrize(
    ("case_id", "build", "value", "expected_error"), CASES, ids=[c[0] for c in CASES]
)
def test_same_verdict_as_dagster(
    case_id: str, build: Schema, value: Any, expected_error: str | None
) -> None:
    ok, dagster_value = _dagster_verdict(build(THEIRS), value)
    field = ct.as_field(build(OURS))
    if ok:
        assert expected_error is None, "Dagster accepts this value"
        assert field.validate(ct.NO_VALUE if value is ... else value) == dagster_value
    else:
        assert expected_error is not None, "Dagster rejects this value"
        with pytest.raises(ct.LegacyConfigError) as raised:
            field.validate(ct.NO_VALUE if value is ... else value)
        assert str(raised.value) == expected_error


def test_env_sources_are_not_read_unless_asked() -> None:
    field = ct.as_field({"s": ct.StringSource, "n": ct.IntSource})
    value = {"s": {"env": "DAGWIRE_T_UNSET"}, "n": {"env": "DAGWIRE_T_HOME"}}
    assert field.validate(value, resolve_env=False) == value


def test_env_error_never_shows_the_value() -> None:
    field = ct.as_field({"port": ct.IntSource})
    with pytest.raises(ct.LegacyConfigError) as raised:
        field.validate({"port": {"env": "DAGWIRE_T_HOME"}}, ("resources", "db", "config"))
    assert str(raised.value) == (
        "at resources.db.config.port: "
        'environment variable "DAGWIRE_T_HOME" cannot be read as an int'
    )
    assert raised.value.problems[0].env_var == "DAGWIRE_T_HOME"
    assert "/home/someone" not in str(raised.value)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: ct.LegacyField(int, default_value=1, is_required=True),
         "Field cannot be required and have a default_value at the same time"),
        (lambda: ct.LegacyField(int, default_value="x"),
         "Invalid default_value for Field:\nat <root>: expected Int, got str 'x'"),
        (lambda: ct.as_field({"a": {"b": object}}),
         "<class 'object'> is not a config type (at a.b): use str, int, float, bool, list, dict, "
         "a dict of fields, [type], Field, Noneable, Array, Shape, Permissive, Selector, Map, "
         "Enum or a *Source type"),
        (lambda: ct.as_field({"a": [int, str]}),
         "a list schema must have exactly one item, the item type (at a)"),
    ],
)
def test_bad_schemas(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ct.LegacyConfigDefinitionError) as raised:
        build()
    assert str(raised.value) == message


def test_dagster_rejects_the_same_bad_schemas() -> None:
    with pytest.raises(Exception):
        dagster.Field(int, default_value=1, is_required=True)
    with pytest.raises(Exception):
        dagster.Field(int, default_value="x")
    with pytest.raises(dagster.DagsterInvalidConfigDefinitionError):
        convert_potential_field({"a": {"b": object}})
