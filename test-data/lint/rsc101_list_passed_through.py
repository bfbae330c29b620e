"""A list given to a project function that appends to it and gives it back (with another
value), in a loop: what the function appends is in the list the Definitions takes."""

import dagster as dg


class Courier(dg.ConfigurableResource):
    endpoint: str


def route_asset(route: str) -> dg.AssetsDefinition:
    @dg.asset(name=f"route_{route}")
    def route_asset(courier: Courier) -> int:
        return 1

    return route_asset


def add_routes(routes: list[str], made: list[dg.AssetsDefinition], count: int):
    for route in routes:
        built = route_asset(route)
        made.append(built)
        count += 1
    return made, count


def build_definitions(plans: list[list[str]]) -> dg.Definitions:
    assets = []
    count = 0
    for plan in plans:
        if plan:
            assets, count = add_routes(plan, assets, count)
    return dg.Definitions(assets=assets, resources={})


defs = build_definitions([["north", "south"]])  # expect@8: RSC101 resource key 'courier' is required by asset 'route_asset' but not bound in the Definitions returned by build_definitions(); bound keys: (none)
