from dagwire import op, In


@op(required_resource_keys={"warehouse"}, config_schema={"table": str})
def load(context):
    wh = context.resources.warehouse
    return wh.table(context.op_config["table"])


@op(ins={"path": In(str)})
def report(context, path):
    context.log.info(path)
    return path.upper()
