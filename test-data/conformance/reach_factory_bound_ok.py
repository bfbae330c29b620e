# shape: reach: assets built by factory functions (a comprehension, a dict, a cached factory, a grown list), every key bound: nothing reported
import functools

import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Mailer(dg.ConfigurableResource):
    host: str


def table_asset(name: str) -> dg.AssetsDefinition:
    @dg.asset(name=name)
    def _table(db: Db) -> int:
        return 1

    return _table


def build_assets() -> dict[str, dg.AssetsDefinition]:
    @dg.asset
    def invoices(db: Db) -> int:
        return 1

    return {"invoices": invoices}


@functools.cache
def build_digest() -> dg.AssetsDefinition:
    @dg.asset
    def digest(mailer: Mailer) -> int:
        return 2

    return digest


def region_assets(regions: list[str]) -> list[dg.AssetsDefinition]:
    made = []
    for region in regions:

        @dg.asset(name=f"sales_{region}")
        def sales(db: Db, mailer: Mailer) -> int:
            return 3

        made.append(sales)
    return made


BUILT = build_assets()

defs = dg.Definitions(
    assets=[
        *[table_asset(name) for name in ("orders", "refunds")],
        BUILT["invoices"],
        build_digest(),
        *region_assets(["north", "south"]),
    ],
    resources={"db": Db(url="duckdb://"), "mailer": Mailer(host="smtp")},
)
