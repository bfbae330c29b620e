# shape: reach: assets built by a factory function
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


def table_asset(name: str) -> dg.AssetsDefinition:
    @dg.asset(name=name)
    def _table(db: Db) -> int:
        return 1

    return _table


TABLES = [table_asset(name) for name in ("orders", "refunds")]

defs = dg.Definitions(assets=TABLES, resources={})  # expect: unbound db
