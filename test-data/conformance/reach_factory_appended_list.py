# shape: reach: a factory that defines an asset in a loop and appends each to a list it returns
import dagster as dg


class Archive(dg.ConfigurableResource):
    bucket: str


class Catalog(dg.ConfigurableResource):
    url: str


def region_assets(regions: list[str]) -> list[dg.AssetsDefinition]:
    made = []
    for region in regions:

        @dg.asset(name=f"sales_{region}")
        def sales(archive: Archive) -> int:
            return 1

        made.append(sales)
    return made


def catalog_assets() -> list[dg.AssetsDefinition]:
    @dg.asset
    def listing(catalog: Catalog) -> int:
        return 2

    found: list[dg.AssetsDefinition] = []
    found.extend([listing])
    return found


defs = dg.Definitions(  # expect: unbound archive
    assets=[*region_assets(["north", "south"]), *catalog_assets()],
    resources={"catalog": Catalog(url="https://catalog.example")},
)
