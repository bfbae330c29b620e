from dagwire import Config, op


class GreetingConfig(Config):
    greeting: str
    name: str


@op
def greet(config: GreetingConfig):
    print(f"{config.greeting}, {config.name}!")


greet(config=GreetingConfig(greeting="Hello", name="Dagster"))
