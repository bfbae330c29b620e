# shape: resource-dict: shared | {...}
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset
def orders(db: Db, cache: Cache) -> int:
    return 1


SHARED = {"cache": Cache(host="r")}

defs = dg.Definitions(assets=[orders], resources=SHARED | {"bd": Db(url="pg://")})  # expect: unbound db
