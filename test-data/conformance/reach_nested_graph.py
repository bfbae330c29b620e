# shape: reach: an op inside a @graph nested in a @job
import dagster as dg


class Store(dg.ConfigurableResource):
    root: str


@dg.op
def save(store: Store) -> None:
    pass


@dg.graph
def persist() -> None:
    save()


@dg.job
def nightly() -> None:
    persist()


defs = dg.Definitions(jobs=[nightly], resources={})  # expect: unbound store  # gap: mypy a graph called inside a job body is not followed
