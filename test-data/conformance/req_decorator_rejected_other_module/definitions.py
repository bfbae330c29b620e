import dagster as dg

from .assets import Warehouse, orders

defs = dg.Definitions(  # expect: unbound lake
    assets=[orders], resources={"warehouse": Warehouse(dsn="duckdb://")}
)
