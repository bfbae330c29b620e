# Sensors, schedules and multi-assets request resources the same way as assets.
from dagster import (
    AssetOut,
    ConfigurableResource,
    Definitions,
    RunRequest,
    ScheduleEvaluationContext,
    SensorEvaluationContext,
    multi_asset,
    schedule,
    sensor,
)


class Inbox(ConfigurableResource):
    path: str


class Calendar(ConfigurableResource):
    url: str


@multi_asset(outs={"a": AssetOut(), "b": AssetOut()}, required_resource_keys={"inbox"})
def split(context):
    context.resources.inbox.read()  # expect@5: RSC201 context.resources.inbox is the legacy resource API: request 'inbox' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
    return 1, 2


@sensor(job_name="ingest")
def new_files(context: SensorEvaluationContext, inbox: Inbox):
    for name in context.resources.inbox.list():  # expect@17: RSC201 context.resources.inbox is the legacy resource API: request 'inbox' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
        yield RunRequest(run_key=name)


@schedule(job_name="ingest", cron_schedule="@daily")
def holidays_only(ctx: ScheduleEvaluationContext, calendar: Calendar):
    if ctx.resources.calender.today():  # expect@8: RSC102 context.resources.calender is not declared by schedule 'holidays_only': add 'calender' to its required_resource_keys # expect@8: RSC201 context.resources.calender is the legacy resource API: request 'calender' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
        return RunRequest()
    return None


defs = Definitions(  # expect@8: RSC101 resource key 'calendar' is required by schedule 'holidays_only' but not bound in Definitions; bound keys: 'inbox'
    assets=[split],
    sensors=[new_files],
    schedules=[holidays_only],
    resources={"inbox": Inbox(path="/tmp")},
)
