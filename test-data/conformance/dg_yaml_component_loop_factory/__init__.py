# shape: dg-layout: a YAML component of a project class whose build_defs loops, unpacks what a factory of another module returns and appends the asset it made; another defs module binds the resources
# dagster-only: dg components are not supported by dagwire
