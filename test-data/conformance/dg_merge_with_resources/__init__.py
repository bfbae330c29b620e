# shape: dg-layout: top-level Definitions.merge of the defs folder and the resources
# dagster-only: dg project layouts are not supported by dagwire
