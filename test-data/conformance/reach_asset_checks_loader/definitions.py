import dagster as dg

from . import checks


@dg.asset
def orders() -> int:
    return 1


defs = dg.Definitions(  # expect: unbound db
    assets=[orders],
    asset_checks=dg.load_asset_checks_from_package_module(checks),
    resources={},
)
