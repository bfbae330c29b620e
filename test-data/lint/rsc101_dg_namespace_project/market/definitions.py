from pathlib import Path

import dagster as dg


@dg.definitions
def defs() -> dg.Definitions:
    return dg.load_from_defs_folder(project_root=Path(__file__).parent.parent)  # expect@12: RSC101 resource key 'clock' is required by asset 'orders' but not bound in the Definitions loaded by load_from_defs_folder(...); bound keys: 'ledger', 'warehouse'
