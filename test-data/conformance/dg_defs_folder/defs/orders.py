import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str


@dg.asset
def orders(warehouse: Warehouse) -> int:
    return 1
