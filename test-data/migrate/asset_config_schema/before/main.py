from dagwire import Field, asset, materialize


@asset(config_schema={"start": int, "count": Field(int, default_value=3)})
def numbers(context):
    cfg = context.op_config
    return list(range(cfg["start"], cfg["start"] + cfg["count"]))


@asset(config_schema={"factor": int})
def scaled(context, numbers):
    values = [n * context.op_config["factor"] for n in numbers]
    print("scaled:", values)
    return values


@asset
def total(scaled):
    print("total:", sum(scaled))
    return sum(scaled)


result = materialize(
    [numbers, scaled, total],
    run_config={"ops": {"numbers": {"config": {"start": 5}}, "scaled": {"config": {"factor": 10}}}},
)
print("success:", result.success)
print("total output:", result.output_for_node("total"))
