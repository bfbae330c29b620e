# shape: reach: a factory's list changed by other list methods (pop, remove) is not told: nothing reported
import dagster as dg


class Archive(dg.ConfigurableResource):
    bucket: str


def weekly_assets() -> list[dg.AssetsDefinition]:
    @dg.asset
    def weekly(archive: Archive) -> int:
        return 1

    @dg.asset
    def daily() -> int:
        return 2

    made: list[dg.AssetsDefinition] = [daily]
    made.append(weekly)
    made.pop()
    return made


defs = dg.Definitions(assets=weekly_assets(), resources={})
