# shape: binding-site: @repository with with_resources binding every key (trap)
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> str:
    return db.url


@dg.repository
def shop() -> list[dg.AssetsDefinition]:
    return [*dg.with_resources([orders], {"db": Db(url="pg://")})]
