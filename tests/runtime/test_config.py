"""Config and PermissiveConfig: pydantic v2 models, frozen, unknown fields rejected/allowed."""

from __future__ import annotations

from enum import Enum
from typing import Optional

import pytest
from pydantic import ValidationError

from dagwire import (Config, DagwireInvalidConfigError, DagwireInvalidDefinitionError,
                     DagwireInvalidInvocationError, Field, PermissiveConfig, RunConfig, asset,
                     materialize)
from dagwire.runtime.config import LegacyField


class Color(Enum):
    RED = "red"
    BLUE = "blue"


class Inner(Config):
    depth: int = 1


class Everything(Config):
    name: str = Field(description="who")
    count: int = Field(default=3, description="how many")
    color: Color = Color.RED
    nickname: Optional[str] = None
    tags: list[str] = Field(default_factory=list)
    weights: dict[str, float] = {}
    inner: Inner = Inner()


def test_defaults_descriptions_enums_optional_lists_dicts_nested() -> None:
    value = Everything(name="x", color=Color.BLUE, tags=["a"], weights={"w": 1.5},
                       inner=Inner(depth=4))
    assert (value.name, value.count, value.color, value.nickname) == ("x", 3, Color.BLUE, None)
    assert (value.tags, value.weights, value.inner.depth) == (["a"], {"w": 1.5}, 4)
    assert Everything.model_fields["count"].description == "how many"
    assert Everything.model_fields["name"].is_required()


def test_enum_from_run_config_by_name_only() -> None:
    # Dagster reads an Enum from a run-config dict by member name and refuses a value
    @asset
    def painted(config: Everything) -> str:
        return config.color.value

    result = materialize([painted], run_config={"ops": {"painted": {"config": {
        "name": "n", "color": "BLUE", "inner": {"depth": 2}}}}})
    assert result.asset_value("painted") == "blue"
    with pytest.raises(DagwireInvalidConfigError) as excinfo:
        materialize([painted], run_config={"ops": {"painted": {"config": {
            "name": "n", "color": "blue", "inner": {"depth": 2}}}}})
    assert str(excinfo.value) == (
        "Invalid run config for job '__ephemeral_asset_job__':\n"
        "- asset 'painted': color: 'blue' is not a member name of Color: run config names a "
        "member (RED, BLUE)"
    )


def test_frozen() -> None:
    # Dagster's error class (DagsterInvalidInvocationError is dagwire's)
    value = Everything(name="x")
    with pytest.raises(DagwireInvalidInvocationError) as excinfo:
        value.name = "y"  # type: ignore[misc]
    assert str(excinfo.value) == (
        "'Everything' is a Pythonic config class and does not support item assignment: it is "
        "frozen (make a new one, or .model_copy(update={...}))"
    )


def test_dagster_field_in_a_config_class_is_refused_where_dagster_refuses_it() -> None:
    class Legacy(Config):
        name: str = Field(str, description="legacy form")  # type: ignore[assignment]

    with pytest.raises(DagwireInvalidDefinitionError) as excinfo:
        @asset
        def uses(config: Legacy) -> None: ...
    assert str(excinfo.value) == (
        "Invalid definition of asset 'uses':\n"
        "- field 'name': Using 'dagster.Field' is not supported within a Pythonic config or "
        "resource definition. 'dagster.Field' should only be used in legacy Dagster config "
        "schemas. Did you mean to use 'pydantic.Field' instead? (Field(default=..., "
        "description=...))"
    )


def test_unknown_fields_rejected() -> None:
    with pytest.raises(ValidationError) as excinfo:
        Inner(depth=1, deep=2)  # type: ignore[call-arg]
    assert [(e["loc"], e["type"]) for e in excinfo.value.errors()] == [(("deep",), "extra_forbidden")]


def test_permissive_config_keeps_unknown_fields() -> None:
    class Loose(PermissiveConfig):
        known: int = 0

    value = Loose(known=1, extra_field="kept")  # type: ignore[call-arg]
    assert value.model_dump() == {"known": 1, "extra_field": "kept"}


def test_legacy_field_form_is_a_record_for_issue_3() -> None:
    # issue 3: the legacy form resolves its type (str -> the legacy String config type)
    from dagwire.runtime.legacy.config_types import String

    legacy = Field(str, default_value="x", is_required=False, description="d")
    assert isinstance(legacy, LegacyField)
    assert (legacy.config_type, legacy.default_value, legacy.is_required, legacy.description) == (
        String, "x", False, "d")


def test_run_config_to_dict_as_dagster() -> None:
    # Config instances become {"config": {...}}; dicts are the op's config dict as given.
    # The same dict as dagster 1.13 prints for this RunConfig, key order included.
    run_config = RunConfig(ops={"a": Inner(depth=2), "b": {"config": {"depth": 3}}},
                           resources={"db": {"config": {"uri": "x"}}})
    assert list(run_config.to_config_dict().items()) == [
        ("loggers", {}),
        ("resources", {"db": {"config": {"uri": "x"}}}),
        ("ops", {"a": {"config": {"depth": 2}}, "b": {"config": {"depth": 3}}}),
        ("execution", {}),
    ]

    @asset
    def a(config: Inner) -> int:
        return config.depth

    @asset
    def b(config: Inner) -> int:
        return config.depth

    result = materialize([a, b], run_config=run_config)
    assert (result.asset_value("a"), result.asset_value("b")) == (2, 3)
