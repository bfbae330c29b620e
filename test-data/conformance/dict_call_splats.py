# shape: resource-dict: dict(**a, **b)
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset
def orders(db: Db, cache: Cache) -> int:
    return 1


DATABASES = {"db": Db(url="pg://")}
CACHES = {"caches": Cache(host="r")}

defs = dg.Definitions(assets=[orders], resources=dict(**DATABASES, **CACHES))  # expect: unbound cache
