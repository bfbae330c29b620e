"""``AssetKey``: the path that names an asset, and what may stand for one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, Union

from typing_extensions import TypeAlias

from dagwire.runtime.errors import DagwireInvalidDefinitionError


class Keyed(Protocol):
    """Something that names one asset (an ``AssetsDefinition`` of a single asset)."""

    @property
    def key(self) -> AssetKey: ...


class AssetKey:
    """The path that names an asset: ``AssetKey("users")``, ``AssetKey(["raw", "users"])``."""

    __slots__ = ("_parts", "path")

    def __init__(self, path: str | Sequence[str]) -> None:
        parts = (path,) if isinstance(path, str) else tuple(path)
        if not parts or not all(isinstance(p, str) and p for p in parts):
            raise DagwireInvalidDefinitionError(
                f"Invalid asset key {path!r}: expected a non-empty string or list of strings"
            )
        self._parts: tuple[str, ...] = parts  # hashed and compared
        self.path: list[str] = list(parts)  # a list, as in Dagster

    @staticmethod
    def from_user_string(text: str) -> AssetKey:
        return AssetKey(text.split("/"))

    @staticmethod
    def from_coercible(value: CoercibleToAssetKey) -> AssetKey:
        if isinstance(value, AssetKey):
            return value
        if isinstance(value, str):
            return AssetKey.from_user_string(value)
        if isinstance(value, Sequence):
            return AssetKey(value)
        return value.key  # an asset definition

    def to_user_string(self) -> str:
        return "/".join(self.path)

    def to_python_identifier(self) -> str:
        return "__".join(self.path)

    def with_prefix(self, prefix: str | Sequence[str]) -> AssetKey:
        head = [prefix] if isinstance(prefix, str) else list(prefix)
        return AssetKey([*head, *self.path])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AssetKey) and other._parts == self._parts

    def __hash__(self) -> int:
        return hash(self._parts)

    def __lt__(self, other: AssetKey) -> bool:
        return self._parts < other._parts

    def __repr__(self) -> str:
        return f"AssetKey({self.path!r})"


CoercibleToAssetKey: TypeAlias = Union[AssetKey, str, Sequence[str], Keyed]

__all__ = ["AssetKey", "CoercibleToAssetKey", "Keyed"]
