"""Configure with Warehouse(password="hunter2")? No: docstrings and comments are not code."""
# Fill-in blanks and references inside a longer value are placeholders, not secrets; a
# RunConfig's resource config is config like `run_config=`.
import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str
    password: str
    api_token: str = "changeme"


class SlackResource(dg.ConfigurableResource):
    token: str = "xoxb-<your-bot-token>"


resources = {
    "wh_url": Warehouse(dsn="postgres://etl:${WAREHOUSE_PASSWORD}@db/prod", password="TODO"),
    "wh_blank": Warehouse(dsn="duckdb://", password="your-password-here", api_token="YOUR_API_TOKEN"),
    "wh_dots": Warehouse(dsn="duckdb://", password="...", api_token="Bearer {{ secrets.api }}"),
    "wh_real": Warehouse(dsn="duckdb://", password="s3cr3t-Pa55"),  # expect@52: RSC301 hard-coded secret for 'password': pass EnvVar("...") so the value is read from the environment at run time
    "slack": SlackResource(),
}

backfill_config = dg.RunConfig(
    resources={"wh_real": {"config": {"dsn": "duckdb://", "password": "pw-1234"}}},  # expect@71: RSC301 hard-coded secret for 'password': give {"env": "..."} so the value is read from the environment at run time (a StringSource field or a Pythonic Config or resource field reads it; in a config dict, EnvVar(...) is refused)
    ops={"notify": {"config": {"channel": "#data", "token": "<slack token>"}}},
)
