# shape: dg-layout: an @definitions function binding every key (trap)
# dagster-only: @definitions is not supported by dagwire
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> str:
    return db.url


@dg.definitions
def defs() -> dg.Definitions:
    return dg.Definitions(assets=[orders], resources={"db": Db(url="pg://")})
