# shape: requirer: multi_asset with required_resource_keys (set form)
import dagster as dg


class Lake(dg.ConfigurableResource):
    bucket: str


@dg.multi_asset(
    outs={"left": dg.AssetOut(), "right": dg.AssetOut()},
    required_resource_keys={"lake"},
)
def halves(context: dg.AssetExecutionContext) -> tuple[int, int]:
    return 1, 2


defs = dg.Definitions(assets=[halves], resources={"lakes": Lake(bucket="b")})  # expect: unbound lake
