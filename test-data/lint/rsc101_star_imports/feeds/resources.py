import dagster as dg


class Api(dg.ConfigurableResource):
    url: str


class Db(dg.ConfigurableResource):
    url: str
