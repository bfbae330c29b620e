# shape: reach: [*load_assets_from_modules([m]), other] mixing a loader and a list
