from pathlib import Path

import dagster as dg

from dg_merge_with_resources.defs.prices import Api


@dg.definitions
def defs() -> dg.Definitions:
    return dg.Definitions.merge(  # expect: unbound cache
        dg.load_from_defs_folder(path_within_project=Path(__file__).parent),
        dg.Definitions(resources={"api": Api(url="https://")}),
    )
