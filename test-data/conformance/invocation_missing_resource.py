# shape: invocation: a direct call of an asset that omits its resource
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return len(db.url)


def exercise() -> None:
    orders()  # expect: invocation db  # gap: flake8 no RSC rule checks direct calls
