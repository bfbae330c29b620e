import dagster as dg

from . import ingest

defs = dg.Definitions(assets=dg.load_assets_from_modules([ingest]), resources={})  # expect: unbound api
