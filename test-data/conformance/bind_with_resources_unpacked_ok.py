# shape: binding-site: with_resources(...) result unpacked and listed in Definitions (trap)
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


@dg.asset
def refunds(db: Db, orders: int) -> int:
    return orders


orders_bound, refunds_bound = dg.with_resources(
    definitions=[orders, refunds], resource_defs={"db": Db(url="duckdb://")}
)

defs = dg.Definitions(assets=[orders_bound, refunds_bound])
