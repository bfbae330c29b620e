# shape: reach: a list of assets grown by a project function it is given to, in a loop, every key bound: nothing reported
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


defs = dg.Definitions(assets=collect_assets(), resources={"courier": Courier(endpoint="https://routes")})
