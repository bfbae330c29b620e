from pathlib import Path

import dagster as dg

from dairy.defs.orders import Warehouse

defs = dg.Definitions.merge(  # expect@8: RSC101 resource key 'pager' is required by asset 'restock' but not bound in Definitions.merge; bound keys: 'warehouse'
    dg.load_from_defs_folder(path_within_project=Path(__file__).parent),
    dg.Definitions(resources={"warehouse": Warehouse(dsn="duckdb://")}),
)
