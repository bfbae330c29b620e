# shape: resource-dict: dict(k=v) keywords
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


defs = dg.Definitions(assets=[orders], resources=dict(database=Db(url="pg://")))  # expect: unbound db
