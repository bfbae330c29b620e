from dagster.components import definitions


@definitions
def defs():
    import dagster as dg

    from .downloads import Warehouse

    return dg.Definitions(resources={"warehouse": Warehouse(dataset="events")})
