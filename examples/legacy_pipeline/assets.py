"""Assets that read the warehouse through ``context.resources`` and ``context.op_config``."""

from dagwire import Field, asset


@asset(
    required_resource_keys={"warehouse"},
    config_schema={"days": Field(int, default_value=3)},
)
def raw_orders(context):
    # one row per day of the window
    return context.resources.warehouse.rows("orders", context.op_config["days"])


@asset(required_resource_keys={"warehouse"})
def order_count(context, raw_orders):
    client = context.resources.warehouse
    return f"{client.table('orders')}: {len(raw_orders)} rows"
