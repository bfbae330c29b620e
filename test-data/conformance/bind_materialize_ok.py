# shape: binding-site: materialize() binding every key (trap)
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> str:
    return db.url


def exercise() -> None:
    result = dg.materialize([orders], resources={"db": Db(url="sqlite://")})
    assert result.output_for_node("orders") == "sqlite://"
