from pathlib import Path

import dagster as dg

from brewery.defs.orders import Warehouse

defs = dg.Definitions.merge(
    dg.load_from_defs_folder(path_within_project=Path(__file__).parent),
    dg.Definitions(resources={"warehouse": Warehouse(dsn="duckdb://")}),
)
