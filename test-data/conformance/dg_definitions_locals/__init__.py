# shape: dg-layout: a defs module's untyped @definitions function builds its resources from local names; the folder is loaded by an untyped @definitions function
# dagster-only: dg project layouts are not supported by dagwire
