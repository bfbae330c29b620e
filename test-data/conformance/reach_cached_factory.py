# shape: reach: assets made by factory functions cached with @functools.cache / @lru_cache
import functools
from functools import cache

import dagster as dg


class Ledger(dg.ConfigurableResource):
    path: str


class Mailer(dg.ConfigurableResource):
    host: str


@cache
def build_balances() -> dg.AssetsDefinition:
    @dg.asset
    def balances(ledger: Ledger) -> int:
        return 1

    return balances


@functools.lru_cache(maxsize=None)
def build_digest() -> dg.AssetsDefinition:
    @dg.asset
    def digest(mailer: Mailer) -> int:
        return 2

    return digest


defs = dg.Definitions(  # expect: unbound mailer
    assets=[build_balances(), build_digest()],
    resources={"ledger": Ledger(path="/tmp/ledger")},
)
