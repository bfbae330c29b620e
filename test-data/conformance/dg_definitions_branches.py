# shape: dg-layout: an @definitions function with one return per deployment, one of them missing a key
# dagster-only: dagwire has no @definitions
import os

import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


@dg.definitions
def defs() -> dg.Definitions:
    if os.getenv("USE_LOCAL_DATABASE"):
        return dg.Definitions(assets=[orders], resources={"db": Db(url="duckdb://")})
    return dg.Definitions(assets=[orders], resources={"database": Db(url="pg://")})  # expect: unbound db
