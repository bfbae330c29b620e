# shape: requirer: asset_check with required_resource_keys, listed in assets=
import dagster as dg


@dg.asset
def orders() -> int:
    return 3


@dg.asset_check(asset=orders, required_resource_keys={"warehouse"})
def orders_fresh(context: dg.AssetCheckExecutionContext) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True)


defs = dg.Definitions(assets=[orders, orders_fresh], resources={})  # expect: unbound warehouse
