# shape: run-config: @job(config=RunConfig(...)) naming an op the job lacks
import dagster as dg


class GreetingConfig(dg.Config):
    greeting: str = "hello"


@dg.op
def greet(config: GreetingConfig) -> str:
    return config.greeting


@dg.job(config=dg.RunConfig(ops={"great": GreetingConfig(greeting="hi")}))  # expect: run-config-op great  # gap: flake8 no RSC rule checks run config  # late: runtime a job's own config= is checked only when the job runs; dagster checks it when definitions load
def hello() -> None:
    greet()


defs = dg.Definitions(jobs=[hello])


def exercise() -> None:
    hello.execute_in_process()
