import dagster as dg


@dg.resource(config_schema={"host": str, "password": dg.StringSource})
def warehouse(context: dg.InitResourceContext) -> str:
    return context.resource_config["password"]


@dg.op(required_resource_keys={"warehouse"})
def ping(context: dg.OpExecutionContext) -> None:
    assert context.resources.warehouse == "from-env", context.resources.warehouse


@dg.job(
    resource_defs={
        "warehouse": warehouse.configured({"host": "db", "password": "pw-live-1"}),  # advice: RSC301
    }
)
def ping_job() -> None:
    ping()


defs = dg.Definitions(jobs=[ping_job])


def exercise() -> None:
    assert defs.get_job_def("ping_job").execute_in_process().success
