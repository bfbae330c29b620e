# shape: reach: load_asset_checks_from_package_module(package)
# dagster-only: asset checks are not supported by dagwire
