import dagster as dg


class Api(dg.ConfigurableResource):
    url: str


class Mailer(dg.ConfigurableResource):
    host: str


@dg.asset
def prices(api: Api, mailer: Mailer) -> int:
    return 1


defs = dg.Definitions(assets=[prices], resources={"api": Api(url="https://")})
