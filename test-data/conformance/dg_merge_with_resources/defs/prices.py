import dagster as dg


class Api(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset
def prices(api: Api, cache: Cache) -> int:
    return 1
