# False-positive guard: other libraries' decorators and classes with framework-like names.
# Nothing here is dagster's or dagwire's except the one import, so nothing is reported.
import dagster  # noqa: F401  (the file imports the framework, so the rules do run)
from pytest import fixture as resource
from mylib.pipeline import Config, ConfigurableResource, asset, op


@resource
def client():
    return object()


@op(required_resource_keys={"db"})
def load(context) -> None:
    context.resources.other
    context.op_config["x"]


class Secrets(ConfigurableResource):
    password: str = "not-a-dagster-resource"


class Settings(Config):
    pass


@asset
def thing(settings: Settings, config: Secrets) -> None:
    print(config.nothing)
