# Resources picked by deployment: every variant is checked; dicts merged with | and **.
import os
from enum import Enum

import dagster as dg


class Key(Enum):
    SPARK = "spark"
    LAKE = "lake"


class Spark(dg.ConfigurableResource):
    master: str


class Lake(dg.ConfigurableResource):
    bucket: str


@dg.asset(required_resource_keys={Key.SPARK.value})
def features(context) -> None:
    spark = context.resources.spark  # expect@13: RSC201 context.resources.spark is the legacy resource API: request 'spark' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)


@dg.asset
def raw(lake: Lake) -> None:
    pass


SHARED = {Key.LAKE.value: Lake(bucket="b")}

RESOURCES_BY_DEPLOYMENT = {
    "local": {**SHARED, "spark": Spark(master="local")},
    "prod": SHARED | {"sparkk": Spark(master="yarn")},
}

defs = dg.Definitions(  # expect@8: RSC101 resource key 'spark' is required by asset 'features' but not bound in Definitions (resources for 'prod'); bound keys: 'lake', 'sparkk'; did you mean 'sparkk' (line 35)?
    assets=[features, raw],
    resources=RESOURCES_BY_DEPLOYMENT[os.getenv("DEPLOYMENT", "local")],
)

merged = dg.Definitions(
    assets=[features, raw],
    resources=SHARED | {"spark": Spark(master="local")},
)


def pick() -> dict:
    return {}


# Resources a project function returns: followed (this one binds nothing).
picked_by_function = dg.Definitions(assets=[features, raw], resources=pick())  # expect@22: RSC101 resource key 'lake' is required by asset 'raw' but not bound in Definitions; bound keys: (none) # expect@22: RSC101 resource key 'spark' is required by asset 'features' but not bound in Definitions; bound keys: (none)


def from_vault() -> dict:
    return vault_client().resources()  # noqa: F821


# Resources built at run time: silent.
dynamic = dg.Definitions(assets=[features, raw], resources=from_vault())


IS_PROD = os.getenv("DEPLOYMENT") == "prod"

chosen = dg.Definitions(  # expect@10: RSC101 resource key 'spark' is required by asset 'features' but not bound in Definitions; bound keys: 'lake'
    assets=[features, raw],
    resources=SHARED if IS_PROD else RESOURCES_BY_DEPLOYMENT["local"],
)


# .get(env, default): every deployment and the default are checked; a literal key picks one.
RESOURCES_FALLBACK = {"lake": Lake(bucket="local")}

with_default = dg.Definitions(  # expect@16: RSC101 resource key 'spark' is required by asset 'features' but not bound in Definitions (resources for 'prod'); bound keys: 'lake', 'sparkk'; did you mean 'sparkk' (line 35)? # expect@16: RSC101 resource key 'spark' is required by asset 'features' but not bound in Definitions; bound keys: 'lake'
    assets=[features, raw],
    resources=RESOURCES_BY_DEPLOYMENT.get(os.getenv("DEPLOYMENT", "local"), RESOURCES_FALLBACK),
)

picked = dg.Definitions(
    assets=[features, raw],
    resources=RESOURCES_BY_DEPLOYMENT.get("local"),
)
