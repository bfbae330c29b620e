from typing import Any

from dagwire import BindResourcesToJobs, ConfigurableResource, Definitions, ResourceParam, job, op


class Clock(ConfigurableResource):
    today: str


class LabelerResource(ConfigurableResource):
    prefix: str

    def create_resource(self, context):
        prefix = self.prefix
        return lambda text: f"{prefix}-{text}"


@op
def label_today(labeler: ResourceParam[Any], clock: Clock):
    print(labeler(clock.today))


@job
def legacy_job():
    label_today()


@op
def show_day(clock: Clock):
    print("day:", clock.today)


@job
def pythonic_job():
    show_day()


resources = {"labeler": LabelerResource(prefix="run"), "clock": Clock(today="2024-01-31")}
bound = Definitions(jobs=BindResourcesToJobs([legacy_job, pythonic_job]), resources=resources)
top_level = Definitions(jobs=[legacy_job, pythonic_job], resources=resources)
for name, defs in (("bound job by job", bound), ("top-level", top_level)):
    print(name)
    for job_name in ("legacy_job", "pythonic_job"):
        print(" ", job_name, defs.get_job_def(job_name).execute_in_process().success)
