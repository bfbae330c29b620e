# shape: run-config: RunRequest(run_config=) of a sensor naming an op its job lacks
import dagster as dg


class GreetingConfig(dg.Config):
    greeting: str = "hello"


@dg.op
def greet(config: GreetingConfig) -> str:
    return config.greeting


@dg.job
def hello() -> None:
    greet()


@dg.sensor(job=hello)
def greeter(context: dg.SensorEvaluationContext) -> dg.RunRequest:
    return dg.RunRequest(run_config=dg.RunConfig(ops={"greeter": GreetingConfig(greeting="hi")}))  # expect: run-config-op greeter  # gap: flake8 no RSC rule checks run config


defs = dg.Definitions(jobs=[hello], sensors=[greeter])


def exercise() -> None:
    request = greeter(dg.build_sensor_context())
    assert isinstance(request, dg.RunRequest)
    hello.execute_in_process(run_config=request.run_config)
