from pathlib import Path

import dagster as dg

import dg_untyped_definitions.defs


@dg.definitions
def defs():
    return dg.load_defs(defs_root=dg_untyped_definitions.defs, project_root=Path(__file__).parent)  # expect: unbound ledger
