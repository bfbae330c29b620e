# shape: requirer: asset binding its own key with resource_defs= (trap)
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset(resource_defs={"db": Db(url="sqlite://")})
def orders(db: Db) -> str:
    return db.url


defs = dg.Definitions(assets=[orders])


def exercise() -> None:
    assert dg.materialize([orders]).output_for_node("orders") == "sqlite://"
