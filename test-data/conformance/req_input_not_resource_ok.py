# shape: requirer: parameters that are inputs and config, not resources (trap)
import dagster as dg


class Limits(dg.Config):
    top: int = 3


@dg.asset
def orders() -> list[int]:
    return [3, 1, 2]


@dg.asset
def top_orders(config: Limits, orders: list[int]) -> list[int]:
    return sorted(orders)[: config.top]


defs = dg.Definitions(assets=[orders, top_orders])


def exercise() -> None:
    result = dg.materialize([orders, top_orders])
    assert result.output_for_node("top_orders") == [1, 2, 3]
