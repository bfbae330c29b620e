import dagster as dg

defs = dg.Definitions(  # expect: unbound db
    assets=dg.load_assets_from_package_name("reach_package_name.assets"),
    resources={},
)
