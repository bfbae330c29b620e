# shape: reach: assets in a module-level list variable
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


@dg.asset
def customers() -> int:
    return 2


all_assets = [orders, customers]

defs = dg.Definitions(assets=all_assets, resources={"dbb": Db(url="x")})  # expect: unbound db
