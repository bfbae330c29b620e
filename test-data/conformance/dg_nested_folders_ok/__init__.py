# shape: dg-layout: nested defs/ sub-folders, plain module-level assets, resources bound once (trap)
# dagster-only: dg project layouts are not supported by dagwire
