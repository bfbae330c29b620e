# shape: requirer: nested resource configured at launch but not bound at the top level
import dagster as dg


class Credentials(dg.ConfigurableResource):
    user: str


class Warehouse(dg.ConfigurableResource):
    credentials: Credentials


@dg.asset
def orders(warehouse: Warehouse) -> str:
    return warehouse.credentials.user


defs = dg.Definitions(  # expect: unbound-nested credentials  # gap: mypy nested configure_at_launch() is not checked  # gap: flake8 nested configure_at_launch() is not checked
    assets=[orders],
    resources={"warehouse": Warehouse(credentials=Credentials.configure_at_launch())},
)
