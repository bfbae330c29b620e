# shape: requirer: asset_check parameter annotated with a resource class
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders() -> int:
    return 3


@dg.asset_check(asset=orders)
def orders_not_empty(db: Db) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=bool(db.url))


defs = dg.Definitions(assets=[orders], asset_checks=[orders_not_empty], resources={})  # expect: unbound db
