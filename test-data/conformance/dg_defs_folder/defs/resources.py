import dagster as dg

from dg_defs_folder.defs.orders import Warehouse


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources={"warehous": Warehouse(dsn="pg://")})
