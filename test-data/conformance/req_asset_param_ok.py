# shape: requirer: asset parameter bound under its own key (trap)
import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str


@dg.asset
def orders(warehouse: Warehouse) -> int:
    return len(warehouse.dsn)


defs = dg.Definitions(assets=[orders], resources={"warehouse": Warehouse(dsn="postgres://")})


def exercise() -> None:
    assert dg.materialize([orders], resources={"warehouse": Warehouse(dsn="x")}).success
