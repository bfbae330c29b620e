# shape: requirer: configure_at_launch() nested resource also bound at the top level (trap)
import dagster as dg


class Credentials(dg.ConfigurableResource):
    user: str


class Warehouse(dg.ConfigurableResource):
    credentials: Credentials


@dg.asset
def orders(warehouse: Warehouse) -> str:
    return warehouse.credentials.user


credentials = Credentials.configure_at_launch()

defs = dg.Definitions(
    assets=[orders],
    resources={"credentials": credentials, "warehouse": Warehouse(credentials=credentials)},
)
