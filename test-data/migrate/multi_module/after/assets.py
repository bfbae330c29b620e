from resources import Warehouse

from dagwire import Config, asset


class RawOrdersConfig(Config):
    limit: int


@asset
def raw_orders(config: RawOrdersConfig, warehouse: Warehouse):
    table = warehouse.table("orders")
    rows = [f"{table}#{i}" for i in range(config.limit)]
    print("loaded", len(rows), "rows from", table)
    return rows


@asset
def order_count(raw_orders):
    print("count:", len(raw_orders))
    return len(raw_orders)
