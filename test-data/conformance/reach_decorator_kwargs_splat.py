# shape: reach: decorator keyword arguments splatted from a module-level dict
from typing import Any

import dagster as dg

COMMON: dict[str, Any] = {"group_name": "sales", "required_resource_keys": {"warehouse"}}


@dg.asset(**COMMON)
def orders(context: dg.AssetExecutionContext) -> int:
    return 1


defs = dg.Definitions(assets=[orders], resources={})  # expect: unbound warehouse
