# shape: binding-site: Definitions.merge of parts returned by builder functions (trap)
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset
def orders(db: Db, cache: Cache) -> int:
    return 1


def asset_defs() -> dg.Definitions:
    return dg.Definitions(assets=[orders], resources={"db": Db(url="pg://")})


def resource_defs() -> dg.Definitions:
    return dg.Definitions(resources={"cache": Cache(host="redis")})


defs = dg.Definitions.merge(asset_defs(), resource_defs())
