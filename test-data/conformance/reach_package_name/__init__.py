# shape: reach: load_assets_from_package_name("pkg.assets")
