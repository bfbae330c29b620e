import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str


class Notifier(dg.ConfigurableResource):
    channel: str


@dg.asset
def daily_orders(warehouse: Warehouse, notifier: Notifier) -> int:
    return 1
