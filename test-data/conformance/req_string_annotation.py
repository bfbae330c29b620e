# shape: requirer: resource parameter with a quoted annotation
import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str


@dg.asset
def orders(warehouse: "Warehouse") -> int:
    return len(warehouse.dsn)


defs = dg.Definitions(assets=[orders], resources={})  # expect: unbound warehouse
