# shape: legacy: asset reading context.resources.<key> it does not declare
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.asset(required_resource_keys={"db"})
def orders(context: dg.AssetExecutionContext) -> int:
    return len(context.resources.cache.host)  # expect: undeclared-resource cache


defs = dg.Definitions(assets=[orders], resources={"db": Db(url="x"), "cache": Cache(host="h")})


def exercise() -> None:
    dg.materialize([orders], resources={"db": Db(url="x"), "cache": Cache(host="h")})
