"""RSC102, RSC103, RSC201-RSC205: the legacy API, with a few bugs it makes easy."""

from dagwire import StringSource, op, resource


class Client:
    def __init__(self, url: str) -> None:
        self.url = url


@resource(config_schema={"url": StringSource})  # RSC203, RSC205 (StringSource)
def orders_client(context):
    return Client(context.resource_config["url"])


@op(
    config_schema={"greeting": str, "name": str},  # RSC202; RSC204: 'name' is never read
    required_resource_keys={"orders_client"},
)
def greet(context) -> str:
    greeting = context.op_config["greeting"]  # RSC202
    name = context.op_config["greeting"]  # RSC202: reads 'greeting' twice
    context.resources.orders_client.post(greeting)  # RSC201
    context.resources.mailer.send(name)  # RSC102: 'mailer' is not declared; RSC201
    return context.op_config.get("salutation", "")  # RSC103: not in config_schema; RSC202


CLIENT_CONFIG = {"url": {"env": "ORDERS_URL"}}  # the form a StringSource field reads
