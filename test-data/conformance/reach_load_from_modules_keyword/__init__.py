# shape: reach: load_assets_from_modules(modules=[...]) keyword form
