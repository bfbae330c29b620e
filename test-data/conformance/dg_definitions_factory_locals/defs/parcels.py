from functools import cache

import dagster as dg


class Courier(dg.ConfigurableResource):
    token: str


class Tracker(dg.ConfigurableResource):
    url: str


@cache
def get_parcels() -> dg.AssetsDefinition:
    @dg.asset(group_name="shipping")
    def parcels(courier: Courier) -> int:
        return 1

    return parcels


@cache
def get_tracking(region: str = "eu") -> dg.AssetsDefinition:
    @dg.asset(name=f"tracking_{region}", deps=[get_parcels()])
    def tracking(tracker: Tracker) -> int:
        return 2

    return tracking


@dg.definitions
def defs():
    parcels = get_parcels()
    tracking = get_tracking()
    return dg.Definitions(assets=[parcels, tracking])
