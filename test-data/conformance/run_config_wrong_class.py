# shape: run-config: RunConfig(ops=) gives an op another Config class
import dagster as dg


class GreetingConfig(dg.Config):
    greeting: str


class FarewellConfig(dg.Config):
    farewell: str


@dg.op
def greet(config: GreetingConfig) -> str:
    return config.greeting


@dg.job
def hello() -> None:
    greet()


def exercise() -> None:
    hello.execute_in_process(run_config=dg.RunConfig(ops={"greet": FarewellConfig(farewell="bye")}))  # expect: config-type greet  # gap: flake8 no RSC rule checks run config
