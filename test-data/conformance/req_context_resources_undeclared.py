# shape: requirer: context.resources key not declared in required_resource_keys
import dagster as dg


class Slack(dg.ConfigurableResource):
    token: str


class Db(dg.ConfigurableResource):
    url: str


@dg.op(required_resource_keys={"db"})
def report(context: dg.OpExecutionContext) -> None:
    context.log.info(context.resources.db.url)
    context.resources.slack.token  # expect: undeclared-resource slack


@dg.job
def report_job() -> None:
    report()


defs = dg.Definitions(jobs=[report_job], resources={"db": Db(url="sqlite://"), "slack": Slack(token="t")})


def exercise() -> None:
    defs.get_job_def("report_job").execute_in_process()
