import os

import dagster as dg


def link_to_repository(defs: dg.Definitions) -> dg.Definitions:
    if os.getenv("LINK_TO_REPOSITORY") is None:
        return defs
    return dg.Definitions(
        assets=dg.with_source_code_references(list(defs.assets or [])),
        jobs=defs.jobs,
        sensors=defs.sensors,
        schedules=defs.schedules,
        resources=defs.resources,
    )
