# shape: legacy: required_resource_keys and context.resources reading declared keys only (trap)
import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str


@dg.asset(required_resource_keys={"warehouse"})
def orders(context: dg.AssetExecutionContext) -> str:
    return context.resources.warehouse.dsn


defs = dg.Definitions(assets=[orders], resources={"warehouse": Warehouse(dsn="pg://")})


def exercise() -> None:
    assert dg.materialize([orders], resources={"warehouse": Warehouse(dsn="d")}).success
