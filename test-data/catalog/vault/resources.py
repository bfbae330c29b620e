"""Resources with secrets: literal, nested, in URIs, in defaults and dicts, from the env."""

from typing import Any

from dagwire import ConfigurableResource, resource

MARKER = "MARKER-7f3a9c"


class Credentials(ConfigurableResource):
    """Who the client logs in as."""

    user: str
    api_token: str = MARKER  # a default that is a secret


class Client(ConfigurableResource):
    """An HTTP client with nested credentials."""

    base_url: str
    creds: Credentials
    timeout: float = 10.0


class Warehouse(ConfigurableResource):
    """A database with a password, a URI and driver options."""

    url: str
    password: str
    options: dict[str, Any] = {}


class Connection:
    """What `connect` returns: an object, shown by its class only."""

    def __init__(self, password: str) -> None:
        self._password = password


def connect(password: str) -> Connection:
    return Connection(password)


class Pool(ConfigurableResource):
    connection: Any
    size: int = 4


@resource(config_schema={"uri": str, "password": str})
def legacy_db(context: Any) -> str:
    """A legacy resource function."""
    return str(context.resource_config["uri"])
