import dagster as dg

from . import assets

defs = dg.Definitions(  # expect: unbound db
    assets=dg.load_assets_from_package_module(package_module=assets, group_name="sales"),
    resources={},
)
