# shape: resource-dict: BY_ENV.get("prod") with a literal key
from typing import Any

import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset
def orders(db: Db, cache: Cache) -> int:
    return 1


BY_ENV: dict[str, dict[str, Any]] = {
    "local": {"db": Db(url="duckdb://"), "cache": Cache(host="localhost")},
    "prod": {"db": Db(url="pg://")},
}

defs = dg.Definitions(assets=[orders], resources=BY_ENV.get("prod"))  # expect: unbound cache
