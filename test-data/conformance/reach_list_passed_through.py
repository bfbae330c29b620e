# shape: reach: a list of assets given to a project function that appends to it in a loop and gives it back with another value, the caller rebinding its list to that result in a loop
import dagster as dg


class Courier(dg.ConfigurableResource):
    endpoint: str


class Ledger(dg.ConfigurableResource):
    path: str


def route_asset(route: str) -> dg.AssetsDefinition:
    @dg.asset(name=f"route_{route}")
    def leg(courier: Courier) -> int:
        return 1

    return leg


def add_routes(routes: list[str], made: list[dg.AssetsDefinition], count: int):
    for route in routes:
        made.append(route_asset(route))
        count += 1
    return made, count


def collect_assets() -> list[dg.AssetsDefinition]:
    assets: list[dg.AssetsDefinition] = []
    count = 0
    for plan in [["north", "south"], ["east"]]:
        if plan:
            assets, count = add_routes(plan, assets, count)
    return assets


defs = dg.Definitions(assets=collect_assets(), resources={"ledger": Ledger(path="/tmp/ledger")})  # expect: unbound courier
