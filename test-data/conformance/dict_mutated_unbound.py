# shape: resource-dict: a dict completed in place under a condition, one key never bound
import os

import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset
def orders(db: Db, cache: Cache) -> int:
    return 1


RESOURCES: dict[str, dg.ConfigurableResource] = {"db": Db(url="pg://")}
if os.getenv("WITH_CACHE"):
    RESOURCES["cache"] = Cache(host="redis")

defs = dg.Definitions(assets=[orders], resources=RESOURCES)  # expect: unbound cache  # gap: mypy a dict changed in place at module level is not trusted  # gap: flake8 a dict changed in place at module level is not trusted
