import dagster as dg


class HNClient(dg.ConfigurableResource):
    base_url: str = "https://hacker-news.firebaseio.com/v0"


class Warehouse(dg.ConfigurableResource):
    dsn: str


class Slack(dg.ConfigurableResource):
    token: str


SHARED = {"hn_client": HNClient(), "warehouse": Warehouse(dsn=dg.EnvVar("WAREHOUSE_DSN"))}

RESOURCES_LOCAL = dict(SHARED, warehouse=Warehouse(dsn="duckdb:///local.db"))
RESOURCES_PROD = {**SHARED, "slack": Slack(token=dg.EnvVar("SLACK_TOKEN"))}

resources_by_deployment_name = {"local": RESOURCES_LOCAL, "prod": RESOURCES_PROD}
