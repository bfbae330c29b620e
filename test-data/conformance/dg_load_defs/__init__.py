# shape: dg-layout: load_defs(defs_root=module) of a defs package
# dagster-only: dg project layouts are not supported by dagwire
