# shape: dg-layout: a defs module's @definitions function lists assets that cached factory functions return, kept in its own variables; another defs module binds the resources
# dagster-only: dg project layouts are not supported by dagwire
