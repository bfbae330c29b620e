import dagster as dg


class Api(dg.ConfigurableResource):
    url: str


class Mailer(dg.ConfigurableResource):
    host: str


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources={"api": Api(url="https://"), "mailer": Mailer(host="smtp")})
