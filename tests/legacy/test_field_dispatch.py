"""``dagwire.Field`` serves the legacy form (a config type first) and the Pythonic one."""

from __future__ import annotations

from typing import Any

from pydantic.fields import FieldInfo

from dagwire import (
    Config,
    Field,
    Noneable,
    StringSource,
    asset,
    build_asset_context,
)
from dagwire.runtime.legacy.config_types import Int, LegacyField, String


def test_legacy_forms() -> None:
    plain = Field(int, default_value=3, description="how many")
    assert isinstance(plain, LegacyField)
    assert (plain.config_type, plain.default_value, plain.is_required) == (Int, 3, False)
    assert plain.description == "how many"
    optional = Field(Noneable(int))
    assert isinstance(optional, LegacyField) and not optional.is_required
    source = Field(StringSource, is_required=True)
    assert isinstance(source, LegacyField) and source.is_required
    shape = Field({"a": str})
    assert isinstance(shape, LegacyField) and shape.is_required
    assert isinstance(Field([str]), LegacyField)
    assert Field(str).config_type is String


def test_pythonic_forms() -> None:
    assert isinstance(Field(default=3, description="d"), FieldInfo)
    assert isinstance(Field(5), FieldInfo)

    class Settings(Config):
        size: int = Field(default=3, description="rows")

    assert Settings().size == 3


def test_asset_with_config_schema_called_directly() -> None:
    @asset(config_schema={"rows": Field(int, default_value=2), "label": str})
    def table(context: Any) -> str:
        return f"{context.op_config['label']} x{context.op_config['rows']}"

    assert table(build_asset_context(asset_config={"label": "users"})) == "users x2"
