import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dataset: str


@dg.asset(deps=[["raw", "downloads"]])
def downloads(warehouse: Warehouse) -> int:
    return 1


@dg.definitions
def defs():
    raw = dg.AssetSpec(key=["raw", "downloads"])
    return dg.Definitions(assets=[raw, downloads])
