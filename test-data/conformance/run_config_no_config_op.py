# shape: run-config: RunConfig(ops=) gives config to an op that takes none (trap: dagster runs it)
import dagster as dg


class GreetingConfig(dg.Config):
    greeting: str = "hello"


@dg.op
def greet() -> str:
    return "hello"


@dg.job
def hello() -> None:
    greet()


def exercise() -> None:
    hello.execute_in_process(run_config=dg.RunConfig(ops={"greet": GreetingConfig(greeting="hi")}))  # extra: mypy error dagwire-run-config: dagster accepts config given to an op that declares none  # extra: runtime error DagwireInvalidConfigError: dagster accepts config given to an op that declares none
