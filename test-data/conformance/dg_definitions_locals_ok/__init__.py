# shape: dg-layout: the loaded defs folder kept in a local name, mapped, and passed through a helper that returns it or a copy made from its parts: every key bound
# dagster-only: dg project layouts are not supported by dagwire
