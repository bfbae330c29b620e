"""Clients of outside services (a stand-in warehouse and mail server)."""

from dagwire import Field, StringSource, resource


class WarehouseClient:
    def __init__(self, url: str, schema_name: str):
        self._url = url
        self._schema_name = schema_name

    def table(self, name: str) -> str:
        return f"{self._url}/{self._schema_name}.{name}"

    def rows(self, name: str, days: int) -> list[str]:
        return [f"{self.table(name)}#{day}" for day in range(days)]


@resource(
    config_schema={
        "url": StringSource,
        "schema_name": Field(str, default_value="analytics"),
    }
)
def warehouse(context):
    return WarehouseClient(context.resource_config["url"], context.resource_config["schema_name"])


class Mailer:
    def __init__(self, sender: str):
        self.sender = sender
        self.outbox: list[str] = []

    def send(self, text: str) -> str:
        message = f"{self.sender}: {text}"
        self.outbox.append(message)
        return message


@resource(config_schema={"sender": str})
def mailer(context):
    client = Mailer(context.resource_config["sender"])
    yield client
    client.outbox.clear()  # flushed when the run ends
