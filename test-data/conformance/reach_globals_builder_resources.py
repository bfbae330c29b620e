# shape: reach: Definitions(**pick(globals()), resources=...) with a filtered comprehension
from typing import Any

import dagster as dg


class Ledger(dg.ConfigurableResource):
    path: str


class Clock(dg.ConfigurableResource):
    zone: str


@dg.asset
def balances(ledger: Ledger, clock: Clock) -> int:
    return 1


external = dg.AssetSpec("upstream_feed")


def pick(namespace: dict[str, Any]) -> dict[str, Any]:
    return {
        "assets": [
            v for v in namespace.values()
            if isinstance(v, dg.AssetsDefinition) or isinstance(v, dg.AssetSpec)
        ],
    }


defs = dg.Definitions(**pick(globals()), resources={"clock": Clock(zone="UTC")})  # expect: unbound ledger
