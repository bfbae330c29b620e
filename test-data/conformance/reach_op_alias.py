# shape: reach: an op invoked through .alias() in a job body
import dagster as dg


class Store(dg.ConfigurableResource):
    root: str


@dg.op
def save(store: Store) -> None:
    pass


@dg.job
def save_twice() -> None:
    save.alias("save_a")()
    save.alias("save_b")()


defs = dg.Definitions(jobs=[save_twice], resources={})  # expect: unbound store
