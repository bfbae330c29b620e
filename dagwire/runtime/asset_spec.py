"""``AssetSpec``: an asset described without the function that computes it.

In ``Definitions(assets=[...])`` or ``materialize([...])`` a spec is an external asset: other
assets depend on it (``deps=[spec]``) or load it through its IO manager, and no run
materializes it. In ``@multi_asset(specs=[...])`` each spec is one asset the function
materializes itself (it returns ``None`` or yields ``MaterializeResult``s).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from dagwire.runtime.asset_key import AssetKey, CoercibleToAssetKey
from dagwire.runtime.partitions import PartitionsDefinition
from dagwire.vocabulary.calls import DEFAULT_IO_MANAGER_KEY

# Dagster keeps a spec's IO manager key in its metadata, under this name
IO_MANAGER_KEY_METADATA = "dagster/io_manager_key"


class AssetSpec:
    """What an asset is, apart from how it is computed."""

    def __init__(
        self,
        key: CoercibleToAssetKey,
        *,
        deps: Iterable[CoercibleToAssetKey] | None = None,
        description: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        skippable: bool = False,
        group_name: str | None = None,
        code_version: str | None = None,
        freshness_policy: Any = None,
        automation_condition: Any = None,
        owners: Sequence[str] | None = None,
        tags: Mapping[str, str] | None = None,
        kinds: Iterable[str] | None = None,
        partitions_def: PartitionsDefinition | None = None,
    ) -> None:
        self.key = AssetKey.from_coercible(key)
        self.deps: list[AssetKey] = [AssetKey.from_coercible(dep) for dep in deps or ()]
        self.description = description
        self.metadata: dict[str, Any] = dict(metadata or {})
        self.skippable = skippable
        self.group_name = group_name
        self.code_version = code_version
        self.freshness_policy = freshness_policy
        self.automation_condition = automation_condition
        self.owners = list(owners or ())
        self.tags = dict(tags or {})
        self.kinds = set(kinds or ())
        self.partitions_def = partitions_def

    @property
    def io_manager_key(self) -> str:
        return str(self.metadata.get(IO_MANAGER_KEY_METADATA, DEFAULT_IO_MANAGER_KEY))

    def _copy(self, **changes: Any) -> AssetSpec:
        fields = {name: getattr(self, name) for name in _FIELDS}
        fields.update(changes)
        return AssetSpec(**fields)

    def replace_attributes(self, **changes: Any) -> AssetSpec:
        """A copy with the given attributes replaced."""
        unknown = sorted(set(changes) - set(_FIELDS))
        if unknown:
            raise TypeError(f"AssetSpec has no attribute {', '.join(unknown)}")
        return self._copy(**changes)

    def merge_attributes(
        self,
        *,
        deps: Iterable[CoercibleToAssetKey] | None = None,
        metadata: Mapping[str, Any] | None = None,
        owners: Sequence[str] | None = None,
        tags: Mapping[str, str] | None = None,
        kinds: Iterable[str] | None = None,
    ) -> AssetSpec:
        """A copy with the given dependencies, metadata, owners, tags and kinds added."""
        return self._copy(
            deps=[*self.deps, *(AssetKey.from_coercible(dep) for dep in deps or ())],
            metadata={**self.metadata, **(metadata or {})},
            owners=[*self.owners, *(owners or ())],
            tags={**self.tags, **(tags or {})},
            kinds=self.kinds | set(kinds or ()),
        )

    def with_io_manager_key(self, io_manager_key: str) -> AssetSpec:
        return self._copy(metadata={**self.metadata, IO_MANAGER_KEY_METADATA: io_manager_key})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AssetSpec) and all(
            getattr(self, name) == getattr(other, name) for name in _FIELDS)

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return (f"AssetSpec(key={self.key!r}, deps={self.deps!r}, "
                f"description={self.description!r}, metadata={self.metadata!r}, "
                f"group_name={self.group_name!r})")


_FIELDS = ("key", "deps", "description", "metadata", "skippable", "group_name", "code_version",
           "freshness_policy", "automation_condition", "owners", "tags", "kinds",
           "partitions_def")

__all__ = ["AssetSpec", "IO_MANAGER_KEY_METADATA"]
