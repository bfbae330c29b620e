# shape: dg-layout: a defs module's untyped @definitions function lists an AssetSpec it keeps in a local name and an asset of its module, whose resource another module binds inside its @definitions function (dagster and the class imported there)
# dagster-only: dg project layouts are not supported by dagwire
