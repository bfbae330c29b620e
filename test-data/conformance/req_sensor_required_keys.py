# shape: requirer: sensor with required_resource_keys
import dagster as dg


class Inbox(dg.ConfigurableResource):
    path: str


@dg.op
def ingest() -> None:
    pass


@dg.job
def ingest_job() -> None:
    ingest()


@dg.sensor(job=ingest_job, required_resource_keys={"inbox"})
def new_files(context: dg.SensorEvaluationContext) -> dg.SkipReason:
    return dg.SkipReason(context.resources.inbox.path)


defs = dg.Definitions(jobs=[ingest_job], sensors=[new_files], resources={})  # expect: unbound inbox
