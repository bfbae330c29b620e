"""What a step function may return besides a plain value: ``Output`` (a value with metadata)
and ``MaterializeResult`` (an asset that stored its data itself: no IO manager is called)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Generic, TypeVar

from dagwire.runtime.asset import AssetKey, CoercibleToAssetKey

T = TypeVar("T")


class Output(Generic[T]):
    """``return Output(rows, metadata={"n": len(rows)})``: the value goes to the IO manager."""

    def __init__(
        self,
        value: T,
        output_name: str = "result",
        metadata: Mapping[str, Any] | None = None,
    ) -> None:
        self.value = value
        self.output_name = output_name
        self.metadata = dict(metadata or {})

    def __repr__(self) -> str:
        return f"Output(output_name={self.output_name!r}, metadata={self.metadata!r})"


class MaterializeResult:
    """``return MaterializeResult(metadata={...})``: the asset wrote its data itself."""

    def __init__(
        self,
        *,
        asset_key: CoercibleToAssetKey | None = None,
        metadata: Mapping[str, Any] | None = None,
    ) -> None:
        self.asset_key = None if asset_key is None else AssetKey.from_coercible(asset_key)
        self.metadata = dict(metadata or {})

    def __repr__(self) -> str:
        return f"MaterializeResult(metadata={self.metadata!r})"


__all__ = ["MaterializeResult", "Output"]
