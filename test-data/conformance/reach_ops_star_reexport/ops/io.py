import dagster as dg

__all__ = ["Store", "save"]


class Store(dg.ConfigurableResource):
    root: str


@dg.op
def save(store: Store) -> None:
    pass
