"""``AssetSelection``: Dagster's selection algebra for ``define_asset_job(selection=...)``.

A selection is a description; it is resolved against the assets that ``Definitions`` holds,
when the job is resolved. Keys that a selection names but no asset defines are an error then.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from dagwire.runtime.asset import AssetsDefinition
from dagwire.runtime.asset_deps import resolve_asset_deps
from dagwire.runtime.asset_key import AssetKey, CoercibleToAssetKey

Assets = Sequence[AssetsDefinition[Any, Any]]


class AssetSelection:
    """Which assets to materialize: combine with ``|``, ``&`` and ``-``."""

    def __init__(
        self,
        describe: str,
        select: Callable[[Assets], set[AssetKey]],
        named_keys: Sequence[AssetKey] = (),
    ) -> None:
        self._describe = describe
        self._select = select
        # Keys named explicitly: each must exist, as Dagster checks for AssetSelection.keys.
        self.named_keys: tuple[AssetKey, ...] = tuple(named_keys)

    @staticmethod
    def all() -> AssetSelection:
        return AssetSelection(
            "AssetSelection.all()", lambda assets: {k for a in assets for k in a.keys}
        )

    @staticmethod
    def keys(*keys: CoercibleToAssetKey) -> AssetSelection:
        wanted = [AssetKey.from_coercible(k) for k in keys]
        names = ", ".join(repr(k.to_user_string()) for k in wanted)
        return AssetSelection(
            f"AssetSelection.keys({names})", lambda assets: set(wanted), named_keys=wanted
        )

    @staticmethod
    def assets(*definitions: AssetsDefinition[Any, Any]) -> AssetSelection:
        wanted = {k for d in definitions for k in d.keys}
        names = ", ".join(d.op_name for d in definitions)
        return AssetSelection(f"AssetSelection.assets({names})", lambda assets: set(wanted))

    @staticmethod
    def groups(*group_names: str) -> AssetSelection:
        wanted = set(group_names)
        return AssetSelection(
            f"AssetSelection.groups({', '.join(map(repr, group_names))})",
            lambda assets: {k for a in assets for k, g in a.group_names.items() if g in wanted},
        )

    @staticmethod
    def key_prefixes(*prefixes: str | Sequence[str]) -> AssetSelection:
        paths = [(p,) if isinstance(p, str) else tuple(p) for p in prefixes]
        return AssetSelection(
            f"AssetSelection.key_prefixes({', '.join(map(repr, prefixes))})",
            lambda assets: {
                k for a in assets for k in a.keys if any(k.path[: len(p)] == list(p) for p in paths)
            },
        )

    def upstream(self, depth: int | None = None) -> AssetSelection:
        """This selection and everything it reads from, ``depth`` steps at most."""
        return self._walk("upstream", depth, _upstream_edges)

    def downstream(self, depth: int | None = None) -> AssetSelection:
        """This selection and everything that reads from it, ``depth`` steps at most."""
        return self._walk("downstream", depth, _downstream_edges)

    def _walk(
        self, direction: str, depth: int | None, edges: Callable[[Assets], dict[AssetKey, set[AssetKey]]]
    ) -> AssetSelection:
        def select(assets: Assets) -> set[AssetKey]:
            graph = edges(assets)
            found = self._select(assets)
            frontier = set(found)
            steps = 0
            while frontier and (depth is None or steps < depth):
                frontier = {n for k in frontier for n in graph.get(k, ())} - found
                found |= frontier
                steps += 1
            return found

        return AssetSelection(f"{self._describe}.{direction}()", select, self.named_keys)

    def __or__(self, other: AssetSelection) -> AssetSelection:
        return AssetSelection(
            f"{self._describe} | {other._describe}",
            lambda assets: self._select(assets) | other._select(assets),
            self.named_keys + other.named_keys,
        )

    def __and__(self, other: AssetSelection) -> AssetSelection:
        return AssetSelection(
            f"{self._describe} & {other._describe}",
            lambda assets: self._select(assets) & other._select(assets),
            self.named_keys + other.named_keys,
        )

    def __sub__(self, other: AssetSelection) -> AssetSelection:
        return AssetSelection(
            f"{self._describe} - {other._describe}",
            lambda assets: self._select(assets) - other._select(assets),
            self.named_keys + other.named_keys,
        )

    def resolve(self, assets: Assets) -> list[AssetKey]:
        """The selected keys, in the order the assets are defined."""
        chosen = self._select(assets)
        return [k for a in assets for k in a.keys if k in chosen]

    def __repr__(self) -> str:
        return self._describe


def _upstream_edges(assets: Assets) -> dict[AssetKey, set[AssetKey]]:
    edges: dict[AssetKey, set[AssetKey]] = {}
    for definition in resolve_asset_deps(assets):
        reads = set(definition.input_keys.values()) | set(definition.deps)
        for key in definition.keys:
            edges.setdefault(key, set()).update(reads)
    return edges


def _downstream_edges(assets: Assets) -> dict[AssetKey, set[AssetKey]]:
    edges: dict[AssetKey, set[AssetKey]] = {}
    for key, reads in _upstream_edges(assets).items():
        for upstream in reads:
            edges.setdefault(upstream, set()).add(key)
    return edges
