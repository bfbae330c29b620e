# shape: binding-site: with_resources(definitions=..., resource_defs=...) keywords, its result unpacked at module level
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset
def orders(db: Db) -> int:
    return 1


@dg.asset
def refunds(db: Db, orders: int) -> int:
    return orders


orders_local, refunds_local = dg.with_resources(  # expect: unbound db
    definitions=[orders, refunds],
    resource_defs={"cache": Cache(host="localhost")},
)
