# shape: reach: load_assets_from_package_module(package_module=...) keyword form
