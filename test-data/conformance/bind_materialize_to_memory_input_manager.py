# shape: binding-site: materialize_to_memory() provides IO managers but not input managers
import dagster as dg


@dg.asset
def upstream() -> int:
    return 1


@dg.asset(ins={"upstream": dg.AssetIn(input_manager_key="table_loader")})
def downstream(upstream: int) -> int:
    return upstream + 1


def exercise() -> None:
    dg.materialize_to_memory([upstream, downstream])  # expect: unbound table_loader
