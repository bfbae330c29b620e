# shape: requirer: schedule parameter annotated with a resource class
import dagster as dg


class Calendar(dg.ConfigurableResource):
    region: str

    def is_holiday(self) -> bool:
        return False


@dg.op
def refresh() -> None:
    pass


@dg.job
def refresh_job() -> None:
    refresh()


@dg.schedule(job=refresh_job, cron_schedule="0 6 * * *")
def morning(context: dg.ScheduleEvaluationContext, calendar: Calendar) -> dg.RunRequest | dg.SkipReason:
    if calendar.is_holiday():
        return dg.SkipReason("holiday")
    return dg.RunRequest()


defs = dg.Definitions(  # expect: unbound calendar
    jobs=[refresh_job],
    schedules=[morning],
    resources={"calender": Calendar(region="eu")},
)
