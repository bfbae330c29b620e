# shape: binding-site: @repository with assets bound by with_resources
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset
def orders(db: Db, cache: Cache) -> int:
    return 1


@dg.repository  # expect: unbound cache
def shop() -> list[dg.AssetsDefinition]:
    return [*dg.with_resources([orders], {"db": Db(url="pg://")})]
