from functools import cache

import dagster as dg


class Courier(dg.ConfigurableResource):
    token: str


class Tracker(dg.ConfigurableResource):
    url: str


@cache
def get_crates() -> dg.AssetsDefinition:
    @dg.asset(group_name="depot")
    def crates(courier: Courier) -> int:
        return 1

    return crates


@cache
def get_scans(region: str = "eu") -> dg.AssetsDefinition:
    @dg.asset(name=f"scans_{region}", deps=[get_crates()])
    def scans(tracker: Tracker) -> int:
        return 2

    return scans


@dg.definitions
def defs():
    crates = get_crates()
    scans = get_scans()
    return dg.Definitions(assets=[crates, scans])
