# shape: reach: load_asset_checks_from_package_module(package)
# dagster-only: load_asset_checks_from_package_module is not supported by dagwire
