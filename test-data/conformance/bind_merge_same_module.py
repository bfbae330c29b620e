# shape: binding-site: Definitions.merge of two parts written inside the merge
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset
def orders(db: Db, cache: Cache) -> int:
    return 1


defs = dg.Definitions.merge(  # expect: unbound cache
    dg.Definitions(assets=[orders], resources={"db": Db(url="pg://")}),
    dg.Definitions(resources={"cach": Cache(host="redis")}),
)
