# shape: dg-layout: a defs module's untyped @definitions function lists an AssetSpec it keeps in a local name and an asset of its module; the asset's resource is bound by no module; another module imports dagster and its resource class inside its @definitions function
# dagster-only: dg project layouts are not supported by dagwire
