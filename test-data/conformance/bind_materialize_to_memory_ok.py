# shape: binding-site: materialize_to_memory() provides IO managers itself (trap)
import dagster as dg


@dg.asset(io_manager_key="lake_io")
def snapshot() -> int:
    return 7


def exercise() -> None:
    assert dg.materialize_to_memory([snapshot]).output_for_node("snapshot") == 7
