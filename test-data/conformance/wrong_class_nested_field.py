# shape: wrong-class: nested resource field given another resource class
import dagster as dg


class Credentials(dg.ConfigurableResource):
    user: str


class Token(dg.ConfigurableResource):
    value: str


class Warehouse(dg.ConfigurableResource):
    credentials: Credentials


@dg.asset
def orders(warehouse: Warehouse) -> int:
    return 1


defs = dg.Definitions(
    assets=[orders],
    resources={"warehouse": Warehouse(credentials=Token(value="t"))},  # expect: wrong-class credentials  # gap: flake8 no RSC rule compares a resource's class with the annotation
)
