from dagwire import op


@op(config_schema={"rows": int, "note": str})
def extract(context):
    return list(range(context.op_config["rows"]))


@op(required_resource_keys={"counter"})
def count(context, values):
    return context.resources.counter.total(values)
