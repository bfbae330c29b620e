# shape: disagreement: BY_ENV.get(env, LOCAL) where one deployment lacks a key
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


LOCAL: dict[str, Any] = {"db": Db(url="duckdb://"), "cache": Cache(host="localhost")}
BY_ENV: dict[str, dict[str, Any]] = {
    "local": LOCAL,
    "prod": {"db": Db(url="pg://")},
}

env = os.getenv("DAGSTER_DEPLOYMENT", "local")

defs = dg.Definitions(assets=[orders], resources=BY_ENV.get(env, LOCAL))  # expect: unbound cache
