# shape: requirer: ResourceDependency[T] field of a resource, wrong class given
import dagster as dg


class Credentials(dg.ConfigurableResource):
    user: str


class Token(dg.ConfigurableResource):
    value: str


class Warehouse(dg.ConfigurableResource):
    credentials: dg.ResourceDependency[Credentials]


@dg.asset
def orders(warehouse: Warehouse) -> int:
    return 1


defs = dg.Definitions(
    assets=[orders],
    resources={"warehouse": Warehouse(credentials=Token(value="t"))},  # expect: wrong-class credentials  # gap: flake8 no RSC rule compares a resource's class with the annotation  # gap: mypy-dagwire the ResourceDependency[T] field takes any resource in dagwire's typing (one whose create_resource gives a T is not told apart)  # gap: runtime a ResourceDependency field takes any value, as in dagster (the resource is set up and the field gets what it gives)
)
