"""A list given to a function that may empty it, or gives back another list, or hands it to
a call the rule does not read: what the Definitions takes is not known, so nothing is said."""

import dagster as dg


class Courier(dg.ConfigurableResource):
    endpoint: str


def route_asset(route: str) -> dg.AssetsDefinition:
    @dg.asset(name=f"route_{route}")
    def route_asset(courier: Courier) -> int:
        return 1

    return route_asset


def reset_routes(routes: list[str], made: list[dg.AssetsDefinition]):
    made.clear()
    made.append(route_asset(routes[0]))
    return made, len(routes)


def other_list(routes: list[str], made: list[dg.AssetsDefinition]):
    made.append(route_asset(routes[0]))
    return [], len(routes)


def handed_on(routes: list[str], made: list[dg.AssetsDefinition]):
    made.append(route_asset(routes[0]))
    print(made)
    return made, len(routes)


def build_definitions(plans: list[list[str]]) -> dg.Definitions:
    cleared = []
    replaced = []
    printed = []
    for plan in plans:
        cleared, _ = reset_routes(plan, cleared)
        replaced, _ = other_list(plan, replaced)
        printed, _ = handed_on(plan, printed)
    return dg.Definitions(assets=[*cleared, *replaced, *printed], resources={})


defs = build_definitions([["north"]])
