# shape: disagreement: Definitions without resources= that nothing merges
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return len(db.url)


defs = dg.Definitions(assets=[orders])  # expect: unbound db
