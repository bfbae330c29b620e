# shape: wrong-class: op parameter bound with another resource class through a job
import dagster as dg


class S3(dg.ConfigurableResource):
    bucket: str


class Gcs(dg.ConfigurableResource):
    bucket: str


@dg.op
def upload(store: S3) -> None:
    pass


@dg.job
def uploads() -> None:
    upload()


defs = dg.Definitions(jobs=[uploads], resources={"store": Gcs(bucket="b")})  # expect: wrong-class store  # gap: flake8 no RSC rule compares a resource's class with the annotation
