from pathlib import Path

import dagster as dg

from dg_library_component_ok.defs.orders.assets import Warehouse


@dg.definitions
def defs() -> dg.Definitions:
    return dg.Definitions.merge(
        dg.load_from_defs_folder(path_within_project=Path(__file__).parent),
        dg.Definitions(resources={"warehouse": Warehouse(dsn="duckdb://")}),
    )
