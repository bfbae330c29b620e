# shape: dg-layout: an @definitions function without annotations returning load_defs(...)
# dagster-only: dg project layouts are not supported by dagwire
