import dagster as dg

from ..resources import Warehouse


class EventsApi(dg.ConfigurableResource):
    url: str


@dg.asset
def events(api: EventsApi, warehouse: Warehouse) -> None:
    pass


# 'warehouse' is bound by defs/resources.py: dg merges both.
defs = dg.Definitions(assets=[events], resources={"api": EventsApi(url="https://events")})
