"""The harbor's shared resources."""

import dagster as dg


class ShipsApi(dg.ConfigurableResource):
    """Positions of ships, from the port authority."""

    endpoint: str
    api_key: str
    page_size: int = 200


class Berths(dg.ConfigurableResource):
    """The berth register (a database)."""

    dsn: str
    schema_name: str = "public"


class Notifier(dg.ConfigurableResource):
    channel: str = "#harbor"
    webhook_token: str


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(
        resources={
            "ships": ShipsApi(endpoint="https://ships.example/v2", api_key=dg.EnvVar("SHIPS_KEY")),
            "berths": Berths(dsn="postgresql://harbor:hunter2@db.example:5432/berths"),
            "notifier": Notifier(webhook_token=dg.EnvVar("HARBOR_HOOK_TOKEN")),
            "io_manager": dg.FilesystemIOManager(base_dir="/tmp/harbor"),
        }
    )
