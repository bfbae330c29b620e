# shape: reach: Definitions(**collect(globals())) builder
import dagster as dg
from typing import Any


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


def collect(scope: dict[str, Any]) -> dict[str, Any]:
    assets = [v for v in scope.values() if isinstance(v, dg.AssetsDefinition)]
    return {"assets": assets, "resources": {}}


defs = dg.Definitions(**collect(globals()))  # expect: unbound db
