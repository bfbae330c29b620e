import dagster as dg

from harbor.defs.resources import Notifier, ShipsApi

ingest_job = dg.define_asset_job("ingest_job", selection=dg.AssetSelection.groups("ingest"))


@dg.op
def count_ships(ships: ShipsApi) -> int:
    return 0


@dg.op
def announce(count: int, notifier: Notifier) -> None:
    pass


@dg.job
def announce_job() -> None:
    announce(count_ships())


@dg.schedule(cron_schedule="0 5 * * *", job=ingest_job)
def early_ingest(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    return dg.RunRequest()


@dg.sensor(job=announce_job, minimum_interval_seconds=600)
def ship_sighted(ships: ShipsApi) -> dg.SensorResult:
    return dg.SensorResult(run_requests=[])
