from typing import Any

import dagster as dg


def by_name(namespace: dict[str, Any]) -> dict[str, Any]:
    return {"assets": [v for v in namespace.values() if getattr(v, "key", None)]}


def stops_early(namespace: dict[str, Any]) -> dict[str, Any]:
    assets = []
    for value in namespace.values():
        if isinstance(value, dg.AssetsDefinition):
            assets.append(value)
            break
    return {"assets": assets}


def with_keys(namespace: dict[str, Any]) -> dict[str, Any]:
    found = [v for v in namespace.values() if isinstance(v, dg.AssetsDefinition)]
    return {"assets": found, "resources": {"store": dg.ResourceDefinition.none_resource()}}
