# shape: requirer: multi_asset parameter annotated with a resource class
import dagster as dg


class Lake(dg.ConfigurableResource):
    bucket: str


@dg.multi_asset(outs={"raw_events": dg.AssetOut(), "raw_users": dg.AssetOut()})
def raw_tables(lake: Lake) -> tuple[int, int]:
    return len(lake.bucket), 2


defs = dg.Definitions(assets=[raw_tables], resources={"lake_": Lake(bucket="b")})  # expect: unbound lake
