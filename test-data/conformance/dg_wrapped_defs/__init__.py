# shape: dg-layout: the defs package loaded inside @definitions, mapped, passed through a project helper and merged with more
# dagster-only: dg project layouts are not supported by dagwire
