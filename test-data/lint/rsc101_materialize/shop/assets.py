import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str


class Mailer(dg.ConfigurableResource):
    host: str


@dg.asset(io_manager_key="lake_io")
def orders(warehouse: Warehouse) -> int:
    return 1


@dg.asset
def receipts(orders: int, mailer: Mailer) -> None:
    pass
