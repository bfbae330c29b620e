# RSC201-RSC205: the legacy API that still runs, each with its Pythonic replacement.
from dagster import Field, StringSource, job, op, resource


class Client:
    def __init__(self, url: str) -> None:
        self.url = url


@resource(config_schema={"url": Field(StringSource)})  # expect@1: RSC203 @resource function 'client' is the legacy resource API: define a ConfigurableResource class with its config as fields (dagwire migrate rewrites the cases it can prove safe) # expect@39: RSC205 StringSource is the legacy environment config source: declare a plain field and pass EnvVar(...) (dagwire migrate rewrites the cases it can prove safe)
def client(context):
    return Client(context.resource_config["url"])


@resource  # expect@1: RSC203 @resource function 'session' is the legacy resource API: define a ConfigurableResource class with its config as fields (dagwire migrate rewrites the cases it can prove safe)
def session(_):
    yield Client("x")  # a generator resource with teardown


@op(  # greeting read twice, name never: the seed's own "Before" example
    config_schema={"greeting": str, "name": str},  # expect@5: RSC202 config_schema= is the legacy config API: declare a Config class and a 'config' parameter (dagwire migrate rewrites this) # expect@37: RSC204 config key 'name' is declared in config_schema of op 'greet' but never read
    required_resource_keys={"client", "unused"},  # expect@39: RSC204 resource key 'unused' is declared in required_resource_keys of op 'greet' but never read
)
def greet(context) -> None:
    greeting = context.op_config["greeting"]  # expect@16: RSC202 context.op_config is the legacy config API: read fields of a 'config' parameter annotated with a Config class (dagwire migrate rewrites this)
    name = context.op_config["greeting"]  # expect@12: RSC202 context.op_config is the legacy config API: read fields of a 'config' parameter annotated with a Config class (dagwire migrate rewrites this)
    context.resources.client.post(f"{greeting}, {name}!")  # expect@5: RSC201 context.resources.client is the legacy resource API: request 'client' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)


@op(required_resource_keys={"client", "audit"})
def passes_context_on(context) -> None:
    helper(context)  # the helper may read 'audit': silent


def helper(context) -> None:
    context.resources.audit.log()


@job(
    resource_defs={
        "client": client.configured({"url": {"env": "CLIENT_URL"}}),
        "session": session,
        "unused": session,
        "audit": session,
    }
)
def greeting_job():
    greet()
    passes_context_on()


# A tag named env is not a config source: silent.
@op(tags={"env": "prod"})
def tagged() -> None:
    pass
