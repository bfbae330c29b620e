# shape: reach: load_assets_from_current_module()
# dagster-only: dagwire has no load_assets_from_current_module
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


defs = dg.Definitions(assets=dg.load_assets_from_current_module(), resources={})  # expect: unbound db
