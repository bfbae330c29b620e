"""Metadata: ``MetadataValue`` (``MetadataValue.md(...)``, ``.int(...)``, ...) and the
``AssetMaterialization`` records a run reports (``result.get_asset_materialization_events()``).

Plain metadata values (``{"rows": 3}``) are wrapped when a run reports them, as Dagster does,
so ``metadata["rows"].value`` works on both.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from dagwire.runtime.asset_key import AssetKey, CoercibleToAssetKey


class MetadataValue:
    """A typed metadata value; ``kind`` says how Dagster's UI would show it."""

    __slots__ = ("kind", "value")

    def __init__(self, value: Any, kind: str = "json") -> None:
        self.value = value
        self.kind = kind

    @staticmethod
    def text(value: str) -> MetadataValue:
        return MetadataValue(value, "text")

    @staticmethod
    def md(value: str) -> MetadataValue:
        return MetadataValue(value, "md")

    @staticmethod
    def int(value: builtins.int) -> MetadataValue:
        return MetadataValue(value, "int")

    @staticmethod
    def float(value: builtins.float) -> MetadataValue:
        return MetadataValue(value, "float")

    @staticmethod
    def bool(value: builtins.bool) -> MetadataValue:
        return MetadataValue(value, "bool")

    @staticmethod
    def json(value: Any) -> MetadataValue:
        return MetadataValue(value, "json")

    @staticmethod
    def url(value: str) -> MetadataValue:
        return MetadataValue(value, "url")

    @staticmethod
    def path(value: builtins.str) -> MetadataValue:
        return MetadataValue(str(value), "path")

    @staticmethod
    def timestamp(value: builtins.float) -> MetadataValue:
        return MetadataValue(value, "timestamp")

    def __eq__(self, other: object) -> builtins.bool:
        return isinstance(other, MetadataValue) and (self.kind, self.value) == (other.kind, other.value)

    def __hash__(self) -> builtins.int:
        return hash((self.kind, repr(self.value)))

    def __repr__(self) -> str:
        # Dagster's reprs (IntMetadataValue(value=1), TextMetadataValue(text='t'), ...)
        class_name, field = _REPRS.get(self.kind, ("JsonMetadataValue", "data"))
        return f"{class_name}({field}={self.value!r})"


_REPRS: dict[str, tuple[str, str]] = {
    "int": ("IntMetadataValue", "value"),
    "float": ("FloatMetadataValue", "value"),
    "bool": ("BoolMetadataValue", "value"),
    "text": ("TextMetadataValue", "text"),
    "md": ("MarkdownMetadataValue", "md_str"),
    "json": ("JsonMetadataValue", "data"),
    "url": ("UrlMetadataValue", "url"),
    "path": ("PathMetadataValue", "fspath"),
    "timestamp": ("TimestampMetadataValue", "value"),
}


def normalize_metadata(metadata: Mapping[str, Any]) -> dict[str, MetadataValue]:
    """Plain values wrapped by type, as Dagster reports them."""
    return {key: value if isinstance(value, MetadataValue) else _wrap(value)
            for key, value in metadata.items()}


def _wrap(value: Any) -> MetadataValue:
    if isinstance(value, bool):
        return MetadataValue(value, "bool")
    if isinstance(value, int):
        return MetadataValue(value, "int")
    if isinstance(value, float):
        return MetadataValue(value, "float")
    if isinstance(value, str):
        return MetadataValue(value, "text")
    return MetadataValue(value, "json")


class AssetMaterialization:
    """A record that an asset was materialized, with its metadata (an op may also yield one)."""

    def __init__(
        self,
        asset_key: CoercibleToAssetKey,
        description: str | None = None,
        metadata: Mapping[str, Any] | None = None,
    ) -> None:
        self.asset_key = AssetKey.from_coercible(asset_key)
        self.description = description
        self.metadata: dict[str, MetadataValue] = normalize_metadata(metadata or {})

    def __repr__(self) -> str:
        return f"AssetMaterialization(asset_key={self.asset_key!r}, metadata={sorted(self.metadata)!r})"


class AssetMaterializationEvent:
    """One ``ASSET_MATERIALIZATION`` event of a run."""

    event_type_value = "ASSET_MATERIALIZATION"

    def __init__(self, step_key: str, materialization: AssetMaterialization) -> None:
        self.step_key = step_key
        self.materialization = materialization
        self.message = f"Materialized value {materialization.asset_key.to_user_string()}."

    @property
    def asset_key(self) -> AssetKey:
        return self.materialization.asset_key

    def __repr__(self) -> str:
        return f"AssetMaterializationEvent(step_key={self.step_key!r}, asset_key={self.asset_key!r})"


def materializations(step_key: str, records: Sequence[AssetMaterialization]) -> list[AssetMaterializationEvent]:
    return [AssetMaterializationEvent(step_key, record) for record in records]


__all__ = ["AssetMaterialization", "AssetMaterializationEvent", "MetadataValue", "normalize_metadata"]
