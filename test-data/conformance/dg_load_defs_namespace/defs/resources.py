import dagster as dg


class Ledger(dg.ConfigurableResource):
    path: str


class Warehouse(dg.ConfigurableResource):
    dsn: str


ledger = Ledger(path="/tmp/ledger")


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources={"ledger": ledger})
