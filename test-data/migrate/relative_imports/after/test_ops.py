from dagwire import build_op_context

from proj.lib.clients import Warehouse
from proj.ops import load


def run():
    ctx = build_op_context(
        resources={"warehouse": Warehouse(url="mem://")},
        config={"table": "t"},
    )
    return load(ctx)
