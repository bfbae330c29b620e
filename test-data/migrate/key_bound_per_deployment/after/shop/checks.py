"""A test of the op with fakes: a mock warehouse and the in-memory store."""

from unittest.mock import MagicMock

from dagwire import build_op_context

from shop.ops import restock
from shop.resources import MemoryStore


def check_restock() -> None:
    warehouse = MagicMock()
    warehouse.stock.return_value = "tea@mock"
    with build_op_context(resources={"warehouse": warehouse, "store": MemoryStore()}) as context:
        restock(context)
    print("mock called:", warehouse.stock.called)
