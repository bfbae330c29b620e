# shape: reach: an asset taken out of a factory's dict by subscript
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


def build_assets() -> dict[str, dg.AssetsDefinition]:
    @dg.asset
    def orders(db: Db) -> int:
        return 1

    @dg.asset
    def refunds() -> int:
        return 2

    return {"orders": orders, "refunds": refunds}


BUILT = build_assets()

defs = dg.Definitions(assets=[BUILT["orders"], BUILT["refunds"]], resources={})  # expect: unbound db
