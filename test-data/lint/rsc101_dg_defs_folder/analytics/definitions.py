from pathlib import Path

import dagster as dg

from analytics.defs.ingest.events import events
from analytics.defs.resources import Warehouse

defs = dg.Definitions.merge(dg.load_from_defs_folder(path_within_project=Path(__file__).parent))

# A Definitions outside the defs folder is checked on its own.
adhoc = dg.Definitions(  # expect@9: RSC101 resource key 'api' is required by asset 'events' but not bound in Definitions; bound keys: 'warehouse'
    assets=[events],
    resources={"warehouse": Warehouse(dsn="duckdb://")},
)
