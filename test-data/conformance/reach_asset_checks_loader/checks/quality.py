import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset_check(asset="orders")
def orders_unique(db: Db) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True)
