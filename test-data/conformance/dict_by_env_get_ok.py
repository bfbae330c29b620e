# shape: resource-dict: BY_ENV.get(env, LOCAL) where every deployment binds every key (trap)
# deployments: local prod staging
import os

import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> str:
    return db.url


LOCAL = {"db": Db(url="duckdb://")}
BY_ENV: dict[str, dict[str, Db]] = {"local": LOCAL, "prod": {"db": Db(url="pg://")}}

defs = dg.Definitions(assets=[orders], resources=BY_ENV.get(os.getenv("DAGSTER_DEPLOYMENT", "local"), LOCAL))
