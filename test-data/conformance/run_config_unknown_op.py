# shape: run-config: RunConfig(ops=) names an op the job does not contain
import dagster as dg


class GreetingConfig(dg.Config):
    greeting: str = "hello"


@dg.op
def greet(config: GreetingConfig) -> str:
    return config.greeting


@dg.job
def hello() -> None:
    greet()


def exercise() -> None:
    hello.execute_in_process(run_config=dg.RunConfig(ops={"greeet": GreetingConfig(greeting="hi")}))  # expect: run-config-op greeet  # gap: flake8 no RSC rule checks run config
