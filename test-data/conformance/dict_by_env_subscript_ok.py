# shape: resource-dict: BY_ENV[env] where every deployment binds every key (trap)
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


SHARED: dict[str, Any] = {"cache": Cache(host="redis")}
BY_ENV: dict[str, dict[str, Any]] = {
    "local": {**SHARED, "db": Db(url="duckdb://")},
    "prod": SHARED | {"db": Db(url="pg://")},
}

defs = dg.Definitions(assets=[orders], resources=BY_ENV[os.getenv("DAGSTER_DEPLOYMENT", "local")])
