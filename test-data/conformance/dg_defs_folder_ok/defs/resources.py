import dagster as dg

from dg_defs_folder_ok.defs.orders import Warehouse


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources={"warehouse": Warehouse(dsn="pg://")})
