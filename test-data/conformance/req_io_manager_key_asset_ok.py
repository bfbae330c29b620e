# shape: requirer: io_manager_key= on an asset, bound, materialized (trap)
import dagster as dg


@dg.asset(io_manager_key="lake_io")
def snapshot() -> int:
    return 1


@dg.asset
def doubled(snapshot: int) -> int:
    return snapshot * 2


defs = dg.Definitions(assets=[snapshot, doubled], resources={"lake_io": dg.InMemoryIOManager()})


def exercise() -> None:
    result = dg.materialize([snapshot, doubled], resources={"lake_io": dg.InMemoryIOManager()})
    assert result.output_for_node("doubled") == 2
