from dagwire import Field, op


@op(config_schema={"rows": int, "offset": Field(int, default_value=10)})
def extract(context):
    first = context.op_config["offset"]
    return list(range(first, first + context.op_config["rows"]))


@op(required_resource_keys={"counter"})
def count(context, values):
    return context.resources.counter.total(values)
