from dagwire import Config, op


class GreetConfig(Config):
    greeting: str
    name: str


@op
def greet(config: GreetConfig):
    greeting = config.greeting
    name = config.name
    print(f"{greeting}, {name}!")


greet(config=GreetConfig(greeting="Hello", name="Dagster"))
