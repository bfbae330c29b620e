# shape: requirer: AssetIn(input_manager_key=)
import dagster as dg


@dg.asset
def upstream() -> int:
    return 1


@dg.asset(ins={"upstream": dg.AssetIn(input_manager_key="table_loader")})
def downstream(upstream: int) -> int:
    return upstream + 1


defs = dg.Definitions(assets=[upstream, downstream], resources={})  # expect: unbound table_loader
