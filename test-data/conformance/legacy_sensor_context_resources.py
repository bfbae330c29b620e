# shape: legacy: a sensor reading context.resources.<key> it does not declare
import dagster as dg


class Inbox(dg.ConfigurableResource):
    path: str


class Calendar(dg.ConfigurableResource):
    region: str


@dg.op
def ingest() -> None:
    pass


@dg.job
def ingest_job() -> None:
    ingest()


@dg.sensor(job=ingest_job, required_resource_keys={"inbox"})
def watch(context: dg.SensorEvaluationContext) -> dg.SkipReason:
    return dg.SkipReason(context.resources.calendar.region)  # expect: undeclared-resource calendar  # gap: mypy context.resources in a sensor or schedule is not checked


defs = dg.Definitions(
    jobs=[ingest_job],
    sensors=[watch],
    resources={"inbox": Inbox(path="/in"), "calendar": Calendar(region="eu")},
)
