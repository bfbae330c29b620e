# shape: dg-layout: a YAML component of a project class whose build_defs binds one key, an asset in a module needing another
# dagster-only: dg components are not supported by dagwire
