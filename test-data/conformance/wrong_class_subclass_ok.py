# shape: wrong-class: a subclass of the annotated resource class is fine (trap)
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class ReadOnlyDb(Db):
    replica: str = "r1"


@dg.asset
def orders(db: Db) -> str:
    return db.url


defs = dg.Definitions(assets=[orders], resources={"db": ReadOnlyDb(url="pg://")})


def exercise() -> None:
    assert dg.materialize([orders], resources={"db": ReadOnlyDb(url="u")}).success
