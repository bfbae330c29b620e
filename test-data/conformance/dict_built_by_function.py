# shape: resource-dict: resources returned by a function
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


def make_resources() -> dict[str, dg.ConfigurableResource]:
    return {"database": Db(url="pg://")}


defs = dg.Definitions(assets=[orders], resources=make_resources())  # expect: unbound db  # gap: mypy resources returned by a function are not followed
