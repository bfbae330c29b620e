from typing import Any

import dagster as dg


def gather(namespace: dict[str, Any]) -> dict[str, Any]:
    assets: list[Any] = []
    checks: list[Any] = []
    jobs: list[Any] = []
    for value in list(namespace.values()):
        if isinstance(value, dg.AssetChecksDefinition):
            checks.append(value)
        elif isinstance(value, dg.AssetsDefinition):
            assets.append(value)
        elif isinstance(value, dg.JobDefinition):
            jobs.append(value)
    return {"assets": assets, "asset_checks": checks, "jobs": jobs}
