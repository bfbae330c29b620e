import dagster as dg

from dg_definitions_factory_locals_ok.defs.parcels import Courier, Tracker


@dg.definitions
def resources():
    return dg.Definitions(
        resources={"courier": Courier(token="t"), "tracker": Tracker(url="https://track.example")}
    )
