# shape: reach: load_assets_from_modules([module]) positional
