# shape: requirer: op inside a @graph_asset
# dagster-only: graph-backed assets are not supported by dagwire
import dagster as dg


class Api(dg.ConfigurableResource):
    url: str


@dg.op
def fetch(api: Api) -> int:
    return len(api.url)


@dg.op
def double(n: int) -> int:
    return 2 * n


@dg.graph_asset
def prices() -> int:
    return double(fetch())


defs = dg.Definitions(assets=[prices], resources={})  # expect: unbound api
