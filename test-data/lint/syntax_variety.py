# Syntax the rules must read without crashing or losing track: async assets, match
# statements, walrus, lambdas, comprehensions and nested helpers reading context.resources,
# decorators with computed arguments, TYPE_CHECKING imports and string annotations.
from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import dagster as dg

if TYPE_CHECKING:
    from collections.abc import Iterator

KEYS: dict[str, Any] = {"group_name": "raw", "required_resource_keys": {"warehouse"}}


def traced(fn):
    @functools.wraps(fn)
    def inner(*args, **kwargs):
        return fn(*args, **kwargs)

    return inner


class Warehouse(dg.ConfigurableResource):
    dsn: str

    async def query(self, sql: str) -> list[dict]:
        match sql.split():
            case ["select", *_]:
                return []
            case _:
                return [{"n": (n := len(sql))}] if n else []


@dg.asset(**{**KEYS, "name": "orders"})
@traced
async def orders_asset(context: dg.AssetExecutionContext) -> list[dict]:
    rows = await context.resources.warehouse.query("select 1")  # expect@18: RSC201 context.resources.warehouse is the legacy resource API: request 'warehouse' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
    pools = {row["n"]: context.resources.warehouse for row in rows}  # expect@24: RSC201 context.resources.warehouse is the legacy resource API: request 'warehouse' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
    fetch = lambda sql: context.resources.warehouse.query(sql)  # noqa: E731  # expect@25: RSC201 context.resources.warehouse is the legacy resource API: request 'warehouse' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)

    def helper() -> int:
        return len(context.resources.cache)  # expect@20: RSC102 context.resources.cache is not declared by asset 'orders': add 'cache' to its required_resource_keys # expect@20: RSC201 context.resources.cache is the legacy resource API: request 'cache' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)

    return rows + [pools, fetch, helper()]


@dg.asset(name=(asset_name := "walrus_named"), required_resource_keys={"warehouse"})
def matched(context: "dg.AssetExecutionContext") -> Iterator[int]:
    match context.partition_key:
        case "2024-01-01":
            yield 1
        case _ if (wh := context.resources.warehouse):  # expect@26: RSC201 context.resources.warehouse is the legacy resource API: request 'warehouse' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
            yield len(wh.dsn)


@dg.multi_asset(specs=[dg.AssetSpec("a1"), dg.AssetSpec("a2", deps=["orders"])])
def pair(warehouse: "dg.ResourceParam[Warehouse]") -> Iterator[dg.MaterializeResult]:
    yield dg.MaterializeResult(asset_key="a1")
    yield dg.MaterializeResult(asset_key="a2")


defs = dg.Definitions(  # expect@8: RSC101 resource key 'warehouse' is required by asset 'orders', asset 'walrus_named', asset 'pair' but not bound in Definitions; bound keys: 'cache'
    assets=[orders_asset, matched, pair],
    resources={"cache": Warehouse(dsn="duckdb://")},
)
