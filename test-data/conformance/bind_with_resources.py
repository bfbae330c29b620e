# shape: binding-site: with_resources() in a Definitions' assets, missing a key
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset
def orders(db: Db, cache: Cache) -> int:
    return 1


defs = dg.Definitions(  # expect: unbound cache  # gap: mypy-dagwire the plugin's dagwire name table places with_resources in dagwire.runtime.definitions; it lives in dagwire.runtime.legacy.repository
    assets=dg.with_resources([orders], {"db": Db(url="pg://")}),
    resources={},
)
