# A resource dict, key set or schema grown in place at module level: its display is not what
# it holds, so no rule trusts it.
import os

from dagster import ConfigurableResource, Definitions, asset, op

IS_PROD = os.getenv("DAGSTER_DEPLOYMENT") == "prod"


class Slack(ConfigurableResource):
    channel: str


class Warehouse(ConfigurableResource):
    dsn: str


@asset
def report(warehouse: Warehouse, slack: Slack) -> None:
    pass


RESOURCES = {"warehouse": Warehouse(dsn="duckdb:///local.db")}
RESOURCES["slack"] = Slack(channel="#data")

PROD_RESOURCES = {"warehouse": Warehouse(dsn="postgres://prod")}
if IS_PROD:
    PROD_RESOURCES.update({"slack": Slack(channel="#alerts")})

KEYS = {"warehouse"}
KEYS.add("slack")

SCHEMA = {"limit": int}
SCHEMA["region"] = str


@op(required_resource_keys=KEYS, config_schema=SCHEMA)  # expect@34: RSC202 config_schema= is the legacy config API: declare a Config class and a 'config' parameter (dagwire migrate rewrites the cases it can prove safe)
def export(context) -> None:
    context.resources.warehouse.run(context.op_config["limit"])  # expect@5: RSC201 context.resources.warehouse is the legacy resource API: request 'warehouse' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe) # expect@37: RSC202 context.op_config is the legacy config API: read fields of a 'config' parameter annotated with a Config class (dagwire migrate rewrites the cases it can prove safe)
    context.resources.slack.post(context.op_config["region"])  # expect@5: RSC201 context.resources.slack is the legacy resource API: request 'slack' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe) # expect@34: RSC202 context.op_config is the legacy config API: read fields of a 'config' parameter annotated with a Config class (dagwire migrate rewrites the cases it can prove safe)


defs = Definitions(assets=[report], resources=RESOURCES)
prod_defs = Definitions(assets=[report], resources=PROD_RESOURCES)
