# shape: requirer: multi_asset_check parameter annotated with a resource class
# dagster-only: multi_asset_check is not supported by dagwire
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders() -> int:
    return 1


@dg.multi_asset_check(specs=[dg.AssetCheckSpec("unique", asset="orders")])
def orders_checks(db: Db) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True, check_name="unique", asset_key="orders")


defs = dg.Definitions(assets=[orders], asset_checks=[orders_checks], resources={})  # expect: unbound db
