# shape: resource-dict: a deployment picked by a literal key, splatted into a dict display
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

defs = dg.Definitions(assets=[orders], resources={**BY_ENV["prod"], "extra": Db(url="x")})  # expect: unbound cache
