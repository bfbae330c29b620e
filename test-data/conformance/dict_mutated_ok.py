# shape: resource-dict: a dict completed in place at module level (trap)
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset
def orders(db: Db, cache: Cache) -> int:
    return 1


RESOURCES: dict[str, dg.ConfigurableResource] = {"db": Db(url="pg://")}
RESOURCES["cache"] = Cache(host="redis")

defs = dg.Definitions(assets=[orders], resources=RESOURCES)
