# shape: requirer: op in a @graph made a job with .to_job()
import dagster as dg


class Store(dg.ConfigurableResource):
    root: str


@dg.op
def extract(store: Store) -> int:
    return len(store.root)


@dg.op
def load(rows: int) -> None:
    pass


@dg.graph
def etl() -> None:
    load(extract())


etl_job = etl.to_job(name="etl_job")

defs = dg.Definitions(jobs=[etl_job], resources={"stor": Store(root="/data")})  # expect: unbound store
