# shape: resource-dict: PROD if is_prod else LOCAL
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
PROD: dict[str, Any] = {"db": Db(url="pg://"), "cahce": Cache(host="redis")}
IS_PROD = os.getenv("DAGSTER_DEPLOYMENT") == "prod"

defs = dg.Definitions(assets=[orders], resources=PROD if IS_PROD else LOCAL)  # expect: unbound cache
