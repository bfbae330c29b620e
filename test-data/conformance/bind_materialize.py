# shape: binding-site: materialize() in a script, missing a key
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


def exercise() -> None:
    dg.materialize([orders], resources={"database": Db(url="sqlite://")})  # expect: unbound db
