# shape: requirer: asset parameter annotated with a resource class
import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str


@dg.asset
def orders(warehouse: Warehouse) -> int:
    return len(warehouse.dsn)


defs = dg.Definitions(  # expect: unbound warehouse
    assets=[orders],
    resources={"warehous": Warehouse(dsn="postgres://")},
)
