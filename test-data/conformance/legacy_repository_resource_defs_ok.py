# shape: legacy: @repository of a job whose resource_defs= bind a @resource function (trap)
import dagster as dg


@dg.resource(config_schema={"url": str})
def db_resource(init_context: dg.InitResourceContext) -> str:
    return str(init_context.resource_config["url"])


@dg.op(required_resource_keys={"db"})
def ping(context: dg.OpExecutionContext) -> str:
    return str(context.resources.db)


@dg.job(resource_defs={"db": db_resource.configured({"url": "sqlite://"})})
def ping_job() -> None:
    ping()


@dg.repository
def legacy() -> list[dg.JobDefinition]:
    return [ping_job]


def exercise() -> None:
    assert ping_job.execute_in_process().output_for_node("ping") == "sqlite://"
