# shape: requirer: schedule with required_resource_keys
import dagster as dg


@dg.op
def refresh() -> None:
    pass


@dg.job
def refresh_job() -> None:
    refresh()


@dg.schedule(job=refresh_job, cron_schedule="@daily", required_resource_keys={"calendar"})
def daily(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    return dg.RunRequest()


defs = dg.Definitions(jobs=[refresh_job], schedules=[daily], resources={})  # expect: unbound calendar
