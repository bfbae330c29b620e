import dagster as dg


class Inbox(dg.ConfigurableResource):
    path: str


@dg.op
def ingest() -> None:
    pass


@dg.job
def ingest_job() -> None:
    ingest()


@dg.sensor(job=ingest_job)
def inbox_sensor(inbox: Inbox) -> dg.SkipReason:
    return dg.SkipReason(inbox.path)
