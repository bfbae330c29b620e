from typing import Any

import dagster as dg


def gather(namespace: dict[str, Any]) -> dict[str, Any]:
    return {
        "assets": [
            v for v in namespace.values() if isinstance(v, dg.AssetsDefinition | dg.AssetSpec)
        ],
        "jobs": [v for v in namespace.values() if isinstance(v, (dg.JobDefinition,))],
    }
