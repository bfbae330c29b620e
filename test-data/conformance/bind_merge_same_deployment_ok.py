# shape: binding-site: Definitions.merge of parts that pick their resources by the same deployment names; each deployment binds the key in one part or the other (trap)
# deployments: local prod
import os

import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> str:
    return db.url


ASSET_RESOURCES: dict[str, dict[str, Db]] = {"local": {}, "prod": {"db": Db(url="pg://")}}
SHARED_RESOURCES: dict[str, dict[str, Db]] = {"local": {"db": Db(url="duckdb://")}, "prod": {}}


def deployment() -> str:
    return os.getenv("DAGSTER_DEPLOYMENT", "local")


def asset_defs() -> dg.Definitions:
    return dg.Definitions(assets=[orders], resources=ASSET_RESOURCES[deployment()])


def shared_defs() -> dg.Definitions:
    return dg.Definitions(resources=SHARED_RESOURCES[deployment()])


defs = dg.Definitions.merge(asset_defs(), shared_defs())
