# shape: binding-site: with_resources(...) assigned to a variable: its keys are checked where it is called, whatever the Definitions binds
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset
def orders(db: Db, cache: Cache) -> int:
    return 1


cached_orders = dg.with_resources([orders], {"cache": Cache(host="localhost")})  # expect: unbound db  # gap: flake8 a key with_resources(...) lacks counts as bound when the Definitions listing its result binds it

defs = dg.Definitions(assets=cached_orders, resources={"db": Db(url="duckdb://")})
