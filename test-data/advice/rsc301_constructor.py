import dagster as dg


class Warehouse(dg.ConfigurableResource):
    user: str
    password: str


@dg.asset
def orders(warehouse: Warehouse) -> str:
    assert warehouse.password == "from-env", warehouse.password
    return warehouse.user


defs = dg.Definitions(
    assets=[orders],
    resources={"warehouse": Warehouse(user="etl", password="hunter2-live")},  # advice: RSC301
)


def exercise() -> None:
    dg.Definitions.validate_loadable(defs)
    assert dg.materialize([orders], resources={"warehouse": defs.resources["warehouse"]}).success
