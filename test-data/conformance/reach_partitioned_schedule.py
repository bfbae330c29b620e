# shape: reach: a job reached only through build_schedule_from_partitioned_job
# dagster-only: partitions are not supported by dagwire
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


daily = dg.DailyPartitionsDefinition(start_date="2024-01-01")


@dg.op
def load_day(db: Db) -> None:
    pass


@dg.job(partitions_def=daily)
def daily_job() -> None:
    load_day()


defs = dg.Definitions(schedules=[dg.build_schedule_from_partitioned_job(daily_job)], resources={})  # expect: unbound db
