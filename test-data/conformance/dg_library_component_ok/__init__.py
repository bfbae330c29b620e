# shape: dg-layout: a library component that may bind keys (dagster's DefinitionsComponent binds what its file binds)
# dagster-only: dg components are not supported by dagwire
