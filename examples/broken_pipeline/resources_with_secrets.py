"""RSC301 and RSC302: secrets and environment reads fixed when the module is imported."""

import os

from dagwire import ConfigurableResource


class WarehouseResource(ConfigurableResource):
    user: str
    password: str = "hunter2"  # RSC301: a secret in the source
    database: str = os.getenv("WAREHOUSE_DB", "shop.db")  # not a secret: fine
    api_token: str = os.environ["WAREHOUSE_TOKEN"]  # RSC302: a secret read at import


class MailerResource(ConfigurableResource):
    host: str
    api_token: str


MAILER = MailerResource(host="smtp.example.com", api_token="tok-123")  # RSC301
