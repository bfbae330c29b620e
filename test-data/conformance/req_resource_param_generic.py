# shape: requirer: ResourceParam[T] parameter (a plain object bound)
import dagster as dg


class Client:
    def ping(self) -> bool:
        return True


@dg.asset
def health(client: dg.ResourceParam[Client]) -> bool:
    return client.ping()


defs = dg.Definitions(assets=[health], resources={"clients": Client()})  # expect: unbound client
