# shape: binding-site: Definitions.merge where each part binds what the other needs (trap)
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset
def orders(db: Db, cache: Cache) -> int:
    return 1


defs = dg.Definitions.merge(
    dg.Definitions(assets=[orders], resources={"db": Db(url="pg://")}),
    dg.Definitions(resources={"cache": Cache(host="redis")}),
)
