# shape: requirer: legacy @resource function under a required key
import dagster as dg


@dg.resource(config_schema={"url": str})
def db_resource(init_context: dg.InitResourceContext) -> str:
    return str(init_context.resource_config["url"])


@dg.op(required_resource_keys={"db"})
def ping(context: dg.OpExecutionContext) -> None:
    context.log.info(context.resources.db)


@dg.job
def ping_job() -> None:
    ping()


defs = dg.Definitions(  # expect: unbound db
    jobs=[ping_job],
    resources={"database": db_resource.configured({"url": "sqlite://"})},
)
