# shape: binding-site: Definitions.merge of parts listed in a module-level list, splatted (trap)
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return len(db.url)


PARTS = [dg.Definitions(assets=[orders]), dg.Definitions(resources={"db": Db(url="duckdb://")})]

defs = dg.Definitions.merge(*PARTS)
