# shape: reach: a job reached only through @sensor(job=)
import dagster as dg


class Ftp(dg.ConfigurableResource):
    host: str


@dg.op
def download(ftp: Ftp) -> None:
    pass


@dg.job
def download_job() -> None:
    download()


@dg.sensor(job=download_job)
def new_upload() -> dg.SkipReason:
    return dg.SkipReason("nothing new")


defs = dg.Definitions(sensors=[new_upload], resources={})  # expect: unbound ftp
