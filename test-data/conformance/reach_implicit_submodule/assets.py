import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str


@dg.asset
def daily_totals(warehouse: Warehouse) -> int:
    return 1
