# shape: requirer: nested resource field set in the constructor (trap)
import dagster as dg


class Credentials(dg.ConfigurableResource):
    user: str


class Warehouse(dg.ConfigurableResource):
    credentials: Credentials
    dsn: str


@dg.asset
def orders(warehouse: Warehouse) -> str:
    return warehouse.credentials.user


defs = dg.Definitions(
    assets=[orders],
    resources={"warehouse": Warehouse(credentials=Credentials(user="etl"), dsn="pg://")},
)


def exercise() -> None:
    result = dg.materialize(
        [orders], resources={"warehouse": Warehouse(credentials=Credentials(user="u"), dsn="d")}
    )
    assert result.output_for_node("orders") == "u"
