import dagster as dg

from . import ingest

defs = dg.Definitions(  # expect: unbound api
    assets=dg.load_assets_from_modules(modules=[ingest], group_name="ingest"),
    resources={},
)
