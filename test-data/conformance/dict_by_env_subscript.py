# shape: resource-dict: BY_ENV[env] with env from the environment
# deployments: local prod
import os
from typing import Any

import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset
def orders(db: Db, cache: Cache) -> int:
    return 1


RESOURCES_BY_DEPLOYMENT: dict[str, dict[str, Any]] = {
    "local": {"db": Db(url="duckdb://"), "cache": Cache(host="localhost")},
    "prod": {"db": Db(url="pg://")},
}

defs = dg.Definitions(  # expect: unbound cache
    assets=[orders],
    resources=RESOURCES_BY_DEPLOYMENT[os.getenv("DAGSTER_DEPLOYMENT", "local")],
)
