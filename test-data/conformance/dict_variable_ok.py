# shape: resource-dict: shared dicts joined with | and ** binding every key (trap)
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset
def orders(db: Db, cache: Cache) -> str:
    return db.url + cache.host


DATABASES = {"db": Db(url="pg://")}
CACHES = {"cache": Cache(host="redis")}

defs = dg.Definitions(assets=[orders], resources={**DATABASES} | CACHES)


def exercise() -> None:
    assert dg.materialize([orders], resources=dict(**DATABASES, **CACHES)).success
