"""Run config that reaches resources: a rewrite that would read it differently is left alone."""

from dagwire import RunRequest, build_schedule_context, job, op, resource, schedule


class Tracer:
    def span(self, name):
        return f"span:{name}"


class Printer:
    def __init__(self, level):
        self.level = level


class Meter:
    def __init__(self, unit):
        self.unit = unit


@resource
def tracer(context):
    return Tracer()


@resource(config_schema={"level": str})
def printer(context):
    return Printer(context.resource_config["level"])


@resource(config_schema={"unit": str})
def meter(context):
    return Meter(context.resource_config["unit"])


@op(required_resource_keys={"tracer", "printer", "meter"})
def work(context):
    tracer = context.resources.tracer
    print(tracer.span("work"), context.resources.printer.level, context.resources.meter.unit)


@job(
    resource_defs={
        "tracer": tracer,
        "printer": printer.configured({"level": "info"}),
        "meter": meter,
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
