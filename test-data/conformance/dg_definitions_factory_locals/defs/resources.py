import dagster as dg

from dg_definitions_factory_locals.defs.parcels import Courier


@dg.definitions
def resources():
    return dg.Definitions(resources={"courier": Courier(token="t")})
