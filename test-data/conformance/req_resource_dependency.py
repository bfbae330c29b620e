# shape: requirer: ResourceDependency[T] field of a resource, wrong class given
# dagster-only: ResourceDependency is not supported by dagwire
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
    resources={"warehouse": Warehouse(credentials=Token(value="t"))},  # expect: wrong-class credentials  # gap: flake8 no RSC rule compares a resource's class with the annotation
)
