from dagwire import build_op_context

from proj.lib.clients import warehouse_resource
from proj.ops import load


def run():
    ctx = build_op_context(
        resources={"warehouse": warehouse_resource.configured({"url": "mem://"})},
        config={"table": "t"},
    )
    return load(ctx)
