# shape: reach: the assets list wrapped in with_source_code_references(...)
# dagster-only: with_source_code_references is not in dagwire
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


defs = dg.Definitions(assets=dg.with_source_code_references([orders]), resources={})  # expect: unbound db
