from dagwire import ConfigurableResource, Definitions, job, op


class Settings(ConfigurableResource):
    batch_size: int
    label: str = "daily"


@op
def plan(settings: Settings):
    print("batch size:", settings.batch_size, "label:", settings.label)
    return settings.batch_size * 2


@op
def report(settings: Settings, doubled):
    print(settings.label, "->", doubled)


@job
def nightly():
    report(plan())


defs = Definitions(jobs=[nightly], resources={"settings": Settings.configure_at_launch()})
job_def = defs.get_job_def("nightly")
for settings_config in ({"batch_size": 10}, {"batch_size": 7, "label": "backfill"}):
    result = job_def.execute_in_process(
        run_config={"resources": {"settings": {"config": settings_config}}}
    )
    print("success:", result.success)
