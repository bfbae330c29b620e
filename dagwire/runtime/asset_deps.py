"""Upstream keys written without their prefix, resolved as Dagster resolves them.

An input or ``deps=`` entry with a one-part key that no asset defines (``def report(orders)``
where the asset is ``raw/orders``) names the asset in the same group whose key ends with that
name, when exactly one does (Dagster's rule, which it reports as beta). Anything else is
left as written, and reported as an unknown upstream asset.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dagwire.runtime.asset import AssetKey, AssetsDefinition


def resolve_asset_deps(
    assets: Sequence[AssetsDefinition[Any, Any]],
    external: Mapping[AssetKey, str] | None = None,
) -> list[AssetsDefinition[Any, Any]]:
    """``assets``, with a resolved copy of each definition that had such a key.
    ``external`` holds the keys (and groups) of assets defined elsewhere (``AssetSpec``)."""
    external = dict(external or {})
    defined = {key for definition in assets for key in definition.keys} | set(external)
    if all(key in defined for definition in assets for key in definition.upstream_keys):
        return list(assets)  # the common case: nothing to resolve
    by_group_and_name: dict[tuple[str, str], list[AssetKey]] = {}
    groups = [(key, group) for definition in assets
              for key, group in definition.group_names.items()]
    for key, group in [*groups, *external.items()]:
        by_group_and_name.setdefault((group, key.path[-1]), []).append(key)
    return [_resolved(d, defined, by_group_and_name) for d in assets]


def _resolved(
    definition: AssetsDefinition[Any, Any],
    defined: set[AssetKey],
    by_group_and_name: dict[tuple[str, str], list[AssetKey]],
) -> AssetsDefinition[Any, Any]:
    group = definition.group_names[definition.keys[0]]

    def resolve(key: AssetKey) -> AssetKey:
        if key in defined or len(key.path) != 1:
            return key
        matches = by_group_and_name.get((group, key.path[0]), [])
        if len(matches) == 1 and matches[0] not in definition.keys:
            return matches[0]
        return key

    input_keys = {param: resolve(key) for param, key in definition.input_keys.items()}
    deps = tuple(resolve(key) for key in definition.deps)
    if input_keys == definition.input_keys and deps == definition.deps:
        return definition
    clone: AssetsDefinition[Any, Any] = object.__new__(AssetsDefinition)
    clone.__dict__.update(definition.__dict__)
    clone.input_keys = input_keys
    clone.deps = deps
    return clone


__all__ = ["resolve_asset_deps"]
