"""``make demo``: run the shop pipeline on dagwire and print what it did.

The demo is a list of steps (``STEPS``); each prints a short, deterministic section. Later
checker steps (mypy plugin, lint rules, migration) are added to the same list.
"""

import os
import tempfile
from collections.abc import Callable
from datetime import datetime, timezone

from dagwire import RunConfig, build_schedule_context, build_sensor_context
from dagwire.catalog.html_page import render_html
from dagwire.catalog.text_format import render_text
from dagwire.runtime.catalog import build_catalog

from examples.shop.configs import AlertConfig, OrdersConfig, ReportConfig
from examples.shop.definitions import defs


def step_validate() -> None:
    valid = defs.problems() == []
    print(f"assets: {', '.join(a.key.to_user_string() for a in defs.assets)}")
    print(f"jobs: {', '.join(j.name for j in defs.all_jobs())}")
    print(f"sensors: {', '.join(s.name for s in defs.sensors)}; "
          f"schedules: {', '.join(s.name for s in defs.schedules)}")
    defs.validate()
    print(f"Definitions valid: {valid}")


def step_materialize() -> None:
    result = defs.get_job_def("daily_refresh").execute_in_process(
        run_config=RunConfig(
            ops={
                "raw_orders": OrdersConfig(days=7),
                "cleaned_orders": OrdersConfig(days=7, min_total=10.0),
                "daily_report": ReportConfig(top_n=3),
            }
        )
    )
    for key, step in result.step_results.items():
        print(f"step {key}: {step.status}")
    print(f"raw orders: {len(result.asset_value('raw_orders'))}, "
          f"cleaned: {len(result.asset_value('cleaned_orders'))}")
    print(f"customer totals: {result.asset_value('customer_totals')}")
    print(result.asset_value("daily_report"))


def step_alerts_job() -> None:
    result = defs.get_job_def("alerts_job").execute_in_process(
        run_config=RunConfig(ops={"alert_big_spenders": AlertConfig(threshold=150.0)})
    )
    print(f"alerts_job success: {result.success}")
    for message in result.output_for_node("alert_big_spenders"):
        print(f"sent: {message}")


def step_sensor() -> None:
    sensor = defs.get_sensor_def("new_orders_sensor")
    tick = sensor.evaluate_tick(build_sensor_context(sensor_name=sensor.name))
    for request in tick.run_requests:
        print(f"sensor requests run of {request.job_name} (run_key={request.run_key})")


def step_schedule() -> None:
    schedule = defs.get_schedule_def("morning_alerts")
    moment = datetime(2024, 6, 1, 12, 30, tzinfo=timezone.utc)
    print(f"cron '{schedule.cron_schedule}': next tick after {moment:%Y-%m-%d %H:%M} is "
          f"{schedule.next_tick_after(moment):%Y-%m-%d %H:%M}")
    tick = schedule.evaluate_tick(build_schedule_context(scheduled_execution_time=moment))
    for request in tick.run_requests:
        print(f"schedule requests run of {request.job_name} (run_key={request.run_key})")


def step_catalog() -> None:
    print(render_text(build_catalog(defs, "examples.shop.definitions")), end="")


def step_mypy() -> None:
    from examples import demo_mypy

    demo_mypy.run()


def step_lint() -> None:
    from examples import demo_lint

    demo_lint.run()


def step_migrate() -> None:
    from examples import demo_migrate

    demo_migrate.run()


# The catalog page of the shop project, written by the last step.
PAGE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "build",
                    "resources.html")


def step_catalog_page() -> None:
    os.makedirs(os.path.dirname(PAGE), exist_ok=True)
    with open(PAGE, "w", encoding="utf-8") as handle:
        handle.write(render_html(build_catalog(defs, "examples.shop.definitions")))
    print("(same as: dagwire resources examples.shop.definitions --format html -o FILE)")
    print(f"catalog page: {PAGE}")


STEPS: list[tuple[str, Callable[[], None]]] = [
    ("Load and validate the Definitions", step_validate),
    ("Materialize every asset (job daily_refresh)", step_materialize),
    ("Run the op job alerts_job", step_alerts_job),
    ("Evaluate the sensor", step_sensor),
    ("Evaluate the schedule", step_schedule),
    ("Resource catalog (EnvVars by name, never by value)", step_catalog),
    ("mypy with dagwire.mypy_plugin on the broken variant (examples/broken_pipeline)", step_mypy),
    ("flake8 with the RSC rules on the broken variant", step_lint),
    ("dagwire migrate --diff on a legacy pipeline (examples/legacy_pipeline)", step_migrate),
    ("The resource catalog as a page (open it in a browser)", step_catalog_page),
]


def main() -> None:
    with tempfile.TemporaryDirectory() as workdir:
        # The warehouse reads its path from an EnvVar; the demo sets a default.
        os.environ.setdefault("SHOP_WAREHOUSE_DB", os.path.join(workdir, "warehouse.sqlite"))
        for number, (title, step) in enumerate(STEPS, start=1):
            print(f"== {number}. {title}")
            step()
            print()


if __name__ == "__main__":
    main()
