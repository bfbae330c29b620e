import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str


class Pager(dg.ConfigurableResource):
    route: str


@dg.asset
def restock(warehouse: Warehouse, pager: Pager) -> int:
    return 1
