# shape: reach: Definitions(**build_arguments()) where the builder returns a dict display
from typing import Any

import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


def build_arguments() -> dict[str, Any]:
    return {"assets": [orders], "resources": {"database": Db(url="duckdb://")}}


defs = dg.Definitions(**build_arguments())  # expect: unbound db
