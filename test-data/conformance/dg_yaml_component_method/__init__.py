# shape: dg-layout: a YAML component of a project class whose build_defs binds a key through a method it calls on itself; a module's asset needs another key
# dagster-only: dg components are not supported by dagwire
