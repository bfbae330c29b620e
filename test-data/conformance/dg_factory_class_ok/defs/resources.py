from dagster.components import definitions


@definitions
def resources():
    import dagster as dg

    from dg_factory_class_ok.defs.orders.factory import Warehouse

    return dg.Definitions(resources={"warehouse": Warehouse(dsn="pg://")})
