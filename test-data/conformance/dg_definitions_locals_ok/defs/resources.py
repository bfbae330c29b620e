from pathlib import Path

import dagster as dg

from dg_definitions_locals_ok.defs.shipments import Archive, Store


@dg.definitions
def resources():
    folder = Path(__file__).parent / "data"
    return dg.Definitions(
        resources={"store": Store(path=str(folder)), "archive": Archive(bucket="s3://cold")}
    )
