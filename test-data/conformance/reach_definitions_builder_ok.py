# shape: reach: Definitions(**build_arguments(), ...) where the builder's dict and the call's own keywords together bind every key (trap)
from typing import Any

import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset
def orders(db: Db, cache: Cache) -> int:
    return 1


def build_arguments() -> dict[str, Any]:
    return {"assets": [orders], "resources": {"db": Db(url="duckdb://"), "cache": Cache(host="localhost")}}


defs = dg.Definitions(**build_arguments(), jobs=[dg.define_asset_job("all_orders", selection=[orders])])
