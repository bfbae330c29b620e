# shape: dg-layout: defs/ folder whose resources module binds every key (trap)
# dagster-only: dg project layouts are not supported by dagwire
