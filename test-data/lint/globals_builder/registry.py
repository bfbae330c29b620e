from typing import Any

import dagster as dg


def sweep(namespace: dict[str, Any]) -> dict[str, Any]:
    assets = []
    jobs = []
    schedules = []
    for value in list(namespace.values()):
        if isinstance(value, dg.AssetsDefinition) or isinstance(value, dg.AssetSpec):
            assets.append(value)
        if isinstance(value, dg.AssetChecksDefinition):
            pass
        elif isinstance(value, (dg.JobDefinition, dg.UnresolvedAssetJobDefinition)):
            jobs.append(value)
        elif isinstance(value, dg.ScheduleDefinition):
            schedules.append(value)
    return {"assets": assets, "jobs": jobs, "schedules": schedules}

