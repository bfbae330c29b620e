# Resource dicts spelled the way projects write them: shared entries splatted into each
# deployment, one deployment picked by a literal key inside another dict, a Definitions
# rebound to the merge of itself and another part, and an IO manager key on an asset.
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> None:
    pass


@dg.asset(io_manager_key="lake_io")
def snapshot() -> int:
    return 1


common = {"lake_io": dg.FilesystemIOManager()}
resources_by_deployment_name = {
    "dev": {**common, "db": Db(url="duckdb://")},
    "prod": {**common},
}

# Rebound to a merge with the part that binds 'db': checked only as the merge.
defs = dg.Definitions(assets=[orders, snapshot], resources={"lake_io": dg.FilesystemIOManager()})
defs = dg.Definitions.merge(defs, dg.Definitions(resources={"db": Db(url="duckdb://")}))

dev_defs = dg.Definitions(
    assets=[orders, snapshot],
    resources={**resources_by_deployment_name["dev"], "extra": Db(url="duckdb://")},
)

prod_defs = dg.Definitions(  # expect@13: RSC101 resource key 'db' is required by asset 'orders' but not bound in Definitions; bound keys: 'lake_io'
    assets=[orders, snapshot],
    resources={**resources_by_deployment_name["prod"]},
)

no_lake = dg.Definitions(  # expect@11: RSC101 resource key 'lake_io' is required by asset 'snapshot' but not bound in Definitions; bound keys: 'db'
    assets=[orders, snapshot],
    resources={"db": Db(url="duckdb://")},
)
