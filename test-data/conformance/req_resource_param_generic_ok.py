# shape: requirer: ResourceParam[T] bound with a plain object, materialized (trap)
from dagster import Definitions, ResourceParam, asset, materialize


class Client:
    def ping(self) -> bool:
        return True


@asset
def health(client: ResourceParam[Client]) -> bool:
    return client.ping()


defs = Definitions(assets=[health], resources={"client": Client()})


def exercise() -> None:
    assert materialize([health], resources={"client": Client()}).output_for_node("health")
