# shape: reach: load_assets_from_package_module(package) positional, assets in a sub-package
