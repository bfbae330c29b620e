# shape: reach: assets lists joined with + and [*x, y]
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Lake(dg.ConfigurableResource):
    bucket: str


@dg.asset
def orders(db: Db) -> int:
    return 1


@dg.asset
def events(lake: Lake) -> int:
    return 2


@dg.asset
def summary() -> int:
    return 3


sales = [orders]
telemetry = [*sales, events]

defs = dg.Definitions(assets=telemetry + [summary], resources={"db": Db(url="x")})  # expect: unbound lake
