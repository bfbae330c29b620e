# shape: requirer: In(input_manager_key=) on an op in a job
# dagster-only: dagwire's In takes no input_manager_key
import dagster as dg


@dg.op(ins={"rows": dg.In(input_manager_key="rows_loader")})
def count(rows: list[int]) -> int:
    return len(rows)


@dg.job
def counting() -> None:
    count()


defs = dg.Definitions(jobs=[counting], resources={"rows": dg.InMemoryIOManager()})  # expect: unbound rows_loader
