import dagster as dg


class Store(dg.ConfigurableResource):
    path: str


class Archive(dg.ConfigurableResource):
    bucket: str


@dg.asset
def shipments(store: Store, archive: Archive) -> int:
    return 1
