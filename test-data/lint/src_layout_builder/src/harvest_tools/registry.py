from typing import Any

import dagster as dg


def harvest(namespace: dict[str, Any]) -> dict[str, Any]:
    kept = []
    for value in namespace.values():
        if isinstance(value, dg.AssetsDefinition):
            kept.append(value)
    return {"assets": kept}
