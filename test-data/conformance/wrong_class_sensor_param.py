# shape: wrong-class: a sensor's resource parameter bound with another class
import dagster as dg


class Inbox(dg.ConfigurableResource):
    path: str


class Outbox(dg.ConfigurableResource):
    path: str


@dg.op
def ingest() -> None:
    pass


@dg.job
def ingest_job() -> None:
    ingest()


@dg.sensor(job=ingest_job)
def watch(inbox: Inbox) -> dg.SkipReason:
    return dg.SkipReason(inbox.path)


defs = dg.Definitions(jobs=[ingest_job], sensors=[watch], resources={"inbox": Outbox(path="/out")})  # expect: wrong-class inbox  # gap: flake8 no RSC rule compares a resource's class with the annotation
