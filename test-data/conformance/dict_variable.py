# shape: resource-dict: a module-level dict variable
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


RESOURCES = {"database": Db(url="pg://")}

defs = dg.Definitions(assets=[orders], resources=RESOURCES)  # expect: unbound db
