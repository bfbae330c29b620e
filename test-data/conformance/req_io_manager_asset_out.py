# shape: requirer: AssetOut(io_manager_key=) in a multi_asset
import dagster as dg


@dg.multi_asset(
    outs={
        "clicks": dg.AssetOut(io_manager_key="warehouse_io"),
        "views": dg.AssetOut(),
    }
)
def traffic() -> tuple[int, int]:
    return 1, 2


defs = dg.Definitions(assets=[traffic], resources={"warehouse": dg.InMemoryIOManager()})  # expect: unbound warehouse_io
