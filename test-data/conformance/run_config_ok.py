# shape: run-config: RunConfig(ops=) naming the op with its own Config class (trap)
import dagster as dg


class GreetingConfig(dg.Config):
    greeting: str


@dg.op
def greet(config: GreetingConfig) -> str:
    return config.greeting


@dg.job
def hello() -> None:
    greet()


def exercise() -> None:
    result = hello.execute_in_process(run_config=dg.RunConfig(ops={"greet": GreetingConfig(greeting="hi")}))
    assert result.output_for_node("greet") == "hi"
