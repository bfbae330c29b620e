# shape: run-config: a legacy run config dict naming an op the job lacks
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
    hello.execute_in_process(run_config={"ops": {"greeet": {"config": {"greeting": "hi"}}}})  # expect: run-config-op greeet  # gap: mypy legacy run config dicts are not checked  # gap: flake8 no RSC rule checks run config
