from dagwire import Config, asset, materialize


class NumbersConfig(Config):
    start: int
    count: int = 3


@asset
def numbers(config: NumbersConfig):
    return list(range(config.start, config.start + config.count))


class ScaledConfig(Config):
    factor: int


@asset
def scaled(numbers, config: ScaledConfig):
    values = [n * config.factor for n in numbers]
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
