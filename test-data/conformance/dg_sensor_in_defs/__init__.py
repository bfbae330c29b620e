# shape: dg-layout: a sensor in a defs/ module requiring a resource no module binds
# dagster-only: dg project layouts are not supported by dagwire
