from pathlib import Path

import dagster as dg

import dg_load_defs_namespace.defs


@dg.definitions
def defs() -> dg.Definitions:
    return dg.load_defs(  # expect: unbound warehouse
        defs_root=dg_load_defs_namespace.defs, project_root=Path(__file__).parent
    )
