# shape: dg-layout: defs/ folder loaded by load_from_defs_folder in an @definitions function
# dagster-only: dg project layouts are not supported by dagwire
