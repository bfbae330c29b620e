# shape: binding-site: with_resources() in a Definitions' assets, missing a key
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset
def orders(db: Db, cache: Cache) -> int:
    return 1


defs = dg.Definitions(  # expect: unbound cache
    assets=dg.with_resources([orders], {"db": Db(url="pg://")}),
    resources={},
)
