# shape: dg-layout: a factory class's static methods build a defs module's assets, the key they need bound by another defs module importing dagster inside its @definitions function
# dagster-only: dg project layouts are not supported by dagwire
