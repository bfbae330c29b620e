# shape: reach: an op reached through a dynamic output's .map()
# dagster-only: dynamic outputs are not supported by dagwire
import dagster as dg


class Store(dg.ConfigurableResource):
    root: str


@dg.op(out=dg.DynamicOut())
def fan_out() -> object:
    for name in ("a", "b"):
        yield dg.DynamicOutput(name, mapping_key=name)


@dg.op
def save(store: Store, name: str) -> str:
    return name


@dg.job
def save_all() -> None:
    fan_out().map(save).collect()


defs = dg.Definitions(jobs=[save_all], resources={})  # expect: unbound store
