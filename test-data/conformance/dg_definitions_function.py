# shape: dg-layout: an @definitions function as the code location (no defs folder)
# dagster-only: @definitions is not supported by dagwire
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


@dg.definitions
def defs() -> dg.Definitions:
    return dg.Definitions(assets=[orders], resources={"database": Db(url="pg://")})  # expect: unbound db
