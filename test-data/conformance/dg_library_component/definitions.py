from pathlib import Path

import dagster as dg

from dg_library_component.defs.orders.assets import Warehouse


@dg.definitions
def defs() -> dg.Definitions:
    return dg.Definitions.merge(  # expect: unbound notifier
        dg.load_from_defs_folder(path_within_project=Path(__file__).parent),
        dg.Definitions(resources={"warehouse": Warehouse(dsn="duckdb://")}),
    )
