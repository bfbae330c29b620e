# shape: resource-dict: dict(base, k=v)
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset
def orders(db: Db, cache: Cache) -> int:
    return 1


BASE = {"db": Db(url="pg://")}

defs = dg.Definitions(assets=[orders], resources=dict(BASE, cache_=Cache(host="r")))  # expect: unbound cache
