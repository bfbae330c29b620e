import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


@dg.asset
def refunds(db: Db) -> int:
    return 2


ALL_ASSETS = [orders, refunds]
