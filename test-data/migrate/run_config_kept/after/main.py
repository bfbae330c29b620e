"""Run config that reaches resources: a rewrite that would read it differently is left alone."""

from dagwire import ConfigurableResource, ResourceParam, RunRequest, build_schedule_context, job, op, resource, schedule


class Tracer:
    def span(self, name):
        return f"span:{name}"


class Printer(ConfigurableResource):
    level: str


class Meter(ConfigurableResource):
    unit: str


# TODO(dagwire): RSC203 write a ConfigurableResource class by hand: run config in main.py (hourly) gives config to "tracer", which a class without fields would refuse: check which job it feeds
@resource
def tracer(context):
    return Tracer()


@op
def work(tracer: ResourceParam[Tracer], printer: Printer, meter: Meter):
    print(tracer.span("work"), printer.level, meter.unit)


@job(
    resource_defs={
        "tracer": tracer,
        "printer": Printer(level="info"),
        "meter": Meter.configure_at_launch(),
    },
    config={"resources": {"meter": {"config": {"unit": "ms"}}}},
)
def measured():
    work()


@schedule(job=measured, cron_schedule="0 * * * *")
def hourly(context):
    # legacy accepts (and ignores) config given to a resource without a schema
    return RunRequest(run_config={"resources": {
        "tracer": {"config": {"sample": 0.5}},
        "meter": {"config": {"unit": "s"}},
    }})


print("default:", measured.execute_in_process().success)
request = hourly(build_schedule_context())
print("hourly:", measured.execute_in_process(run_config=request.run_config).success)
