# shape: reach: assets made in a loop by a factory returning a tuple, unpacked and appended to the list a helper returns to Definitions
import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str


def build_table_assets(table: str):
    @dg.asset(name=f"copy_{table}")
    def copy(warehouse: Warehouse) -> int:
        return 1

    @dg.asset(name=f"audit_{table}")
    def audit() -> int:
        return 2

    return copy, [audit]


def build_assets() -> list[dg.AssetsDefinition]:
    assets = []
    for table in ["orders", "refunds"]:
        made, extra = build_table_assets(table)
        assets.append(made)
        assets.extend(extra)
    return assets


defs = dg.Definitions(assets=build_assets(), resources={"ledger": dg.ResourceDefinition.none_resource()})  # expect: unbound warehouse
