from dagwire import BindResourcesToJobs, ConfigurableResource, Definitions, job, op, resource


class Clock(ConfigurableResource):
    today: str


@resource(config_schema={"prefix": str})
def labeler(context):
    prefix = context.resource_config["prefix"]
    return lambda text: f"{prefix}-{text}"


@op(required_resource_keys={"labeler", "clock"})
def label_today(context):
    print(context.resources.labeler(context.resources.clock.today))


@job
def legacy_job():
    label_today()


@op
def show_day(clock: Clock):
    print("day:", clock.today)


@job
def pythonic_job():
    show_day()


resources = {"labeler": labeler.configured({"prefix": "run"}), "clock": Clock(today="2024-01-31")}
bound = Definitions(jobs=BindResourcesToJobs([legacy_job, pythonic_job]), resources=resources)
top_level = Definitions(jobs=[legacy_job, pythonic_job], resources=resources)
for name, defs in (("bound job by job", bound), ("top-level", top_level)):
    print(name)
    for job_name in ("legacy_job", "pythonic_job"):
        print(" ", job_name, defs.get_job_def(job_name).execute_in_process().success)
