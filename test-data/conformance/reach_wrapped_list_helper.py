# shape: reach: the assets list passed through a project helper that returns it
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


def tag_all(assets: list[dg.AssetsDefinition]) -> list[dg.AssetsDefinition]:
    return assets


defs = dg.Definitions(assets=tag_all([orders]), resources={})  # expect: unbound db
