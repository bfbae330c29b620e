import dagster as dg


@dg.resource(config_schema={"host": str, "api_secret": str})
def partner_api(context: dg.InitResourceContext) -> str:
    return context.resource_config["api_secret"]


@dg.op(required_resource_keys={"partner_api"})
def sync(context: dg.OpExecutionContext) -> None:
    assert context.resources.partner_api == "from-env", context.resources.partner_api


@dg.job(
    resource_defs={
        "partner_api": partner_api.configured({"host": "api", "api_secret": "sk-live-2"}),  # advice: RSC301
    }
)
def sync_job() -> None:
    sync()


defs = dg.Definitions(jobs=[sync_job])


def exercise() -> None:
    assert defs.get_job_def("sync_job").execute_in_process().success
