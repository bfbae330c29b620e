import dagster as dg

from . import ingest


@dg.asset
def report(raw_prices: int) -> int:
    return raw_prices


defs = dg.Definitions(  # expect: unbound api
    assets=[*dg.load_assets_from_modules([ingest]), report],
    resources={},
)
