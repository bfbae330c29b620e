"""Jobs, a sensor and a schedule."""

from collections.abc import Iterator

from dagwire import RunRequest, define_asset_job, job, op, schedule, sensor
from dagwire import ScheduleEvaluationContext

from examples.shop.configs import AlertConfig
from examples.shop.resources import NotifierResource, OrdersApiResource, WarehouseResource

daily_refresh_job = define_asset_job("daily_refresh", selection="*")


@op
def load_totals(warehouse: WarehouseResource) -> dict[str, float]:
    return warehouse.read_totals()


@op
def alert_big_spenders(
    config: AlertConfig, totals: dict[str, float], notifier: NotifierResource
) -> list[str]:
    big = sorted(name for name, total in totals.items() if total > config.threshold)
    for channel in config.channels:
        for name in big:
            notifier.send(channel, f"{name} spent {totals[name]:.2f}")
    return notifier.sent


@job
def alerts_job() -> None:
    alert_big_spenders(load_totals())


@sensor(job=daily_refresh_job, minimum_interval_seconds=300)
def new_orders_sensor(orders_api: OrdersApiResource) -> Iterator[RunRequest]:
    """One refresh per new batch of orders."""
    for batch in orders_api.new_batches():
        yield RunRequest(run_key=batch)


@schedule(cron_schedule="0 6 * * *", job=alerts_job)
def morning_alerts(context: ScheduleEvaluationContext) -> RunRequest:
    day = context.scheduled_execution_time.strftime("%Y-%m-%d")
    return RunRequest(
        run_key=f"alerts-{day}",
        run_config={"ops": {"alert_big_spenders": {"config": {"threshold": 150.0}}}},
    )
