import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str


@dg.asset
def orders(warehouse: Warehouse) -> str:
    return warehouse.dsn
