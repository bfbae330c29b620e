import dagster as dg


class Api(dg.ConfigurableResource):
    url: str


@dg.asset
def prices(api: Api) -> int:
    return 1
