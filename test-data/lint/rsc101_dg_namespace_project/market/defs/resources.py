import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources={"warehouse": Warehouse(dsn="pg://")})
