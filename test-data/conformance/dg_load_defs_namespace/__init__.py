# shape: dg-layout: load_defs(defs_root=pkg.defs) of a defs folder without __init__.py (a namespace package), resources bound by an @definitions function in it
# dagster-only: dg project layouts are not supported by dagwire
