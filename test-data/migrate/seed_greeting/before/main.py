from dagwire import build_op_context, op


@op(config_schema={"greeting": str, "name": str})
def greet(context):
    greeting = context.op_config["greeting"]
    name = context.op_config["name"]
    print(f"{greeting}, {name}!")


greet(build_op_context(config={"greeting": "Hello", "name": "Dagster"}))
