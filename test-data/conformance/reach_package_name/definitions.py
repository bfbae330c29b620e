import dagster as dg

defs = dg.Definitions(  # expect: unbound db  # gap: flake8 load_assets_from_package_name(...) is not followed
    assets=dg.load_assets_from_package_name("reach_package_name.assets"),
    resources={},
)
