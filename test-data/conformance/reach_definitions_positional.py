# shape: reach: Definitions given its assets positionally
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


defs = dg.Definitions([orders], resources={"dbb": Db(url="x")})  # expect: unbound db
