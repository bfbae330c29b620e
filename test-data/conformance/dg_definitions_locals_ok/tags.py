import os

import dagster as dg


def tagged(defs: dg.Definitions) -> dg.Definitions:
    if os.getenv("TAG_SHIPPING") is None:
        return defs
    return dg.Definitions(
        assets=[
            spec.replace_attributes(tags={"team": "shipping"})
            for spec in defs.assets or []
            if isinstance(spec, dg.AssetSpec)
        ],
        resources=defs.resources,
    )
