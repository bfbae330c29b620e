import dagster as dg


@dg.resource
def mailer(_: dg.InitResourceContext) -> str:
    return "mailer"


@dg.op(required_resource_keys={"warehouse"})
def notify(context: dg.OpExecutionContext) -> None:
    assert context.resources.mailer == "mailer"  # advice: RSC102


@dg.job(resource_defs={"warehouse": dg.ResourceDefinition.none_resource(), "mailer": mailer})
def notify_job() -> None:
    notify()


def exercise() -> None:
    assert notify_job.execute_in_process().success
