import dagster as dg

from market.defs.resources import Warehouse


class Clock(dg.ConfigurableResource):
    zone: str


@dg.asset
def orders(warehouse: Warehouse, clock: Clock) -> int:
    return 1


@dg.definitions
def defs() -> dg.Definitions:
    return dg.Definitions(
        assets=[orders], resources={"ledger": dg.ResourceDefinition.none_resource()}
    )
