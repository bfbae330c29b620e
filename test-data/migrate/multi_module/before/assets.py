from dagwire import asset


@asset(required_resource_keys={"warehouse"}, config_schema={"limit": int})
def raw_orders(context):
    table = context.resources.warehouse.table("orders")
    rows = [f"{table}#{i}" for i in range(context.op_config["limit"])]
    print("loaded", len(rows), "rows from", table)
    return rows


@asset
def order_count(raw_orders):
    print("count:", len(raw_orders))
    return len(raw_orders)
