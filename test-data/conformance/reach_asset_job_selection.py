# shape: reach: define_asset_job(selection=AssetSelection.assets(...)) in Definitions(jobs=)
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


orders_job = dg.define_asset_job("orders_job", selection=dg.AssetSelection.assets(orders))

defs = dg.Definitions(assets=[orders], jobs=[orders_job], resources={})  # expect: unbound db
