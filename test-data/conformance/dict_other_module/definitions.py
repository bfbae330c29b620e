import dagster as dg

from .resources import RESOURCES, Cache, Db


@dg.asset
def orders(db: Db, cache: Cache) -> int:
    return 1


defs = dg.Definitions(assets=[orders], resources=RESOURCES)  # expect: unbound cache
