# shape: dg-layout: a Python component in the defs folder whose build_defs makes an asset
# dagster-only: dg components are not supported by dagwire
