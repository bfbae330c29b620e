import dagster as dg


class Api(dg.ConfigurableResource):
    url: str


@dg.asset
def raw_prices(api: Api) -> int:
    return 1


ingest_defs = dg.Definitions(assets=[raw_prices], resources={"api": Api(url="https://")})
