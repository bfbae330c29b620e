from pathlib import Path

import dagster as dg

from dg_definitions_locals.defs.shipments import Store


@dg.definitions
def resources():
    folder = Path(__file__).parent / "data"
    store = Store(path=str(folder))
    return dg.Definitions(resources={"store": store})
