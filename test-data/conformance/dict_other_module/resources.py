import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


RESOURCES = {"db": Db(url="pg://")}
