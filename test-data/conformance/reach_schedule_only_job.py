# shape: reach: a job reached only through ScheduleDefinition(job=)
import dagster as dg


class Ftp(dg.ConfigurableResource):
    host: str


@dg.op
def download(ftp: Ftp) -> None:
    pass


@dg.job
def download_job() -> None:
    download()


nightly = dg.ScheduleDefinition(job=download_job, cron_schedule="0 2 * * *")

defs = dg.Definitions(schedules=[nightly], resources={})  # expect: unbound ftp
