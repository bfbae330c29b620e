# shape: invocation: direct calls passing the resource, as an argument or in a context (trap)
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return len(db.url)


def exercise() -> None:
    assert orders(db=Db(url="abc")) == 3
    assert orders(dg.build_asset_context(resources={"db": Db(url="abcd")})) == 4
