# shape: requirer: Out(io_manager_key=) on an op in a job
import dagster as dg


@dg.op(out=dg.Out(io_manager_key="parquet_io"))
def produce() -> int:
    return 1


@dg.op
def consume(n: int) -> None:
    pass


@dg.job
def pipeline() -> None:
    consume(produce())


defs = dg.Definitions(jobs=[pipeline], resources={})  # expect: unbound parquet_io
