from pathlib import Path

import dagster as dg

import dg_load_defs.defs

defs = dg.load_defs(defs_root=dg_load_defs.defs, project_root=Path(__file__).parent)  # expect: unbound api
