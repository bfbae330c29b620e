# shape: resource-dict: keys written as Enum values
from enum import Enum

import dagster as dg


class Key(Enum):
    DB = "db"
    CACHE = "cache"


class Db(dg.ConfigurableResource):
    url: str


@dg.asset(required_resource_keys={Key.DB.value, Key.CACHE.value})
def orders(context: dg.AssetExecutionContext) -> int:
    return 1


defs = dg.Definitions(assets=[orders], resources={Key.DB.value: Db(url="pg://")})  # expect: unbound cache
