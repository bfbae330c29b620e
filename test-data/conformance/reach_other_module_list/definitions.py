import dagster as dg

from .assets import ALL_ASSETS

defs = dg.Definitions(assets=ALL_ASSETS, resources={})  # expect: unbound db
