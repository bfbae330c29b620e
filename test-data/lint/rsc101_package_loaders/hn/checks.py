import dagster as dg

from .resources import Warehouse


@dg.asset_check(asset="top_stories")
def no_duplicate_stories(warehouse: Warehouse) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True)


@dg.asset_check(asset="items", required_resource_keys={"pager"})
def items_fresh(context) -> dg.AssetCheckResult:
    context.resources.pager.ping()
    return dg.AssetCheckResult(passed=True)
