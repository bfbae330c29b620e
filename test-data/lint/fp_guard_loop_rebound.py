"""A name assigned at the top of a loop's body and assigned again before the list takes it:
what is appended is the second value, so the first one's needs are not the list's."""

import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str


def build_copy(table: str) -> dg.AssetsDefinition:
    @dg.asset(name=f"copy_{table}")
    def copy(warehouse: Warehouse) -> int:
        return 1

    return copy


@dg.asset
def summary() -> int:
    return 2


def build_assets() -> list[dg.AssetsDefinition]:
    assets = []
    for table in ["orders", "refunds"]:
        made = build_copy(table)
        made = summary
        assets.append(made)
    return assets


defs = dg.Definitions(assets=build_assets(), resources={})
