"""Sensors and schedules: resources by annotation, context as first non-resource parameter,
ticks, cron."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any
from unittest import mock

import pytest

from dagwire import (
    ConfigurableResource,
    DagwireInvalidDefinitionError,
    Definitions,
    RunRequest,
    ScheduleDefinition,
    ScheduleEvaluationContext,
    SensorEvaluationContext,
    SkipReason,
    build_schedule_context,
    build_sensor_context,
    job,
    op,
    schedule,
    sensor,
)


class Bucket(ConfigurableResource):
    name: str

    def list_files(self) -> list[str]:
        return [f"{self.name}/a.csv", f"{self.name}/b.csv"]


@op
def noop() -> None:
    pass


@job
def ingest() -> None:
    noop()


@sensor(job=ingest)
def files_sensor(bucket: Bucket, context: SensorEvaluationContext) -> Any:
    files = bucket.list_files()
    if context.cursor == files[-1]:
        yield SkipReason("no new files")
        return
    for name in files:
        yield RunRequest(run_key=name)
    context.update_cursor(files[-1])


def test_context_is_first_non_resource_parameter() -> None:
    assert files_sensor.parameters.context_param == "context"
    assert [r.key for r in files_sensor.resource_requirements] == ["bucket"]


def test_sensor_tick_with_bound_resources() -> None:
    defs = Definitions(sensors=[files_sensor], resources={"bucket": Bucket(name="in")})
    tick = defs.get_sensor_def("files_sensor").evaluate_tick(build_sensor_context())
    assert [(r.run_key, r.job_name) for r in tick.run_requests] == [
        ("in/a.csv", "ingest"), ("in/b.csv", "ingest")]
    assert tick.cursor == "in/b.csv"
    skipped = defs.get_sensor_def("files_sensor").evaluate_tick(build_sensor_context(cursor="in/b.csv"))
    assert (skipped.run_requests, skipped.skip_message) == ([], "no new files")


def test_sensor_resources_from_context_and_mock() -> None:
    bucket = mock.Mock()
    bucket.list_files.return_value = ["x"]
    requests = list(files_sensor(bucket, build_sensor_context()))
    assert [r.run_key for r in requests] == ["x"]
    tick = files_sensor.evaluate_tick(build_sensor_context(resources={"bucket": Bucket(name="c")}))
    assert [r.run_key for r in tick.run_requests] == ["c/a.csv", "c/b.csv"]


@schedule(cron_schedule="30 6 * * 1-5", job=ingest)
def weekday_mornings(context: ScheduleEvaluationContext, bucket: Bucket) -> Any:
    day = context.scheduled_execution_time.strftime("%Y-%m-%d")
    return RunRequest(run_key=f"{bucket.name}-{day}", run_config={"ops": {}})


def test_schedule_tick_and_cron() -> None:
    defs = Definitions(schedules=[weekday_mornings], resources={"bucket": Bucket(name="b")})
    schedule_def = defs.get_schedule_def("weekday_mornings")
    moment = datetime(2024, 6, 7, 7, 0, tzinfo=timezone.utc)  # a Friday
    assert schedule_def.next_tick_after(moment) == datetime(2024, 6, 10, 6, 30, tzinfo=timezone.utc)
    tick = schedule_def.evaluate_tick(build_schedule_context(scheduled_execution_time=moment))
    assert [(r.run_key, r.job_name) for r in tick.run_requests] == [("b-2024-06-07", "ingest")]


def test_schedule_returning_run_config_dict_and_skip() -> None:
    @schedule(cron_schedule="@daily", job_name="ingest")
    def daily() -> dict[str, Any]:
        return {"ops": {"noop": {}}}

    @schedule(cron_schedule="*/15 * * * *", job=ingest)
    def skipping(context: ScheduleEvaluationContext) -> SkipReason:
        return SkipReason("holiday")

    assert [r.run_config for r in daily.evaluate_tick().run_requests] == [{"ops": {"noop": {}}}]
    assert skipping.evaluate_tick().skip_message == "holiday"
    assert skipping.next_tick_after(datetime(2024, 1, 1, 10, 44)) == datetime(2024, 1, 1, 10, 45)
    assert daily() == {"ops": {"noop": {}}}


def test_schedule_definition_without_a_function() -> None:
    # Dagster's constructor form, common in real projects.
    daily = ScheduleDefinition(job=ingest, cron_schedule="0 6 * * *")
    configured = ScheduleDefinition(
        name="nightly", job=ingest, cron_schedule="0 1 * * *",
        run_config={"ops": {"noop": {}}},
    )
    defs = Definitions(jobs=[ingest], schedules=[daily, configured])
    defs.validate()
    assert defs.get_schedule_def("ingest_schedule") is not None
    tick = defs.get_schedule_def("ingest_schedule").evaluate_tick()
    assert [(r.job_name, r.run_config) for r in tick.run_requests] == [("ingest", {})]
    tick = defs.get_schedule_def("nightly").evaluate_tick()
    assert [(r.job_name, r.run_config) for r in tick.run_requests] == [
        ("ingest", {"ops": {"noop": {}}})
    ]
    with pytest.raises(DagwireInvalidDefinitionError) as excinfo:
        ScheduleDefinition(cron_schedule="0 6 * * *")
    assert str(excinfo.value) == (
        "Invalid definition of schedule: give a name, a job or an execution_fn"
    )


@pytest.mark.parametrize(
    ("cron", "after", "expected"),
    [
        ("0 0 1 * *", datetime(2024, 1, 31, 12), datetime(2024, 2, 1, 0, 0)),
        ("0 12 * * 0", datetime(2024, 6, 1, 12), datetime(2024, 6, 2, 12, 0)),  # Sunday
        ("5,10 * * * *", datetime(2024, 6, 1, 12, 7), datetime(2024, 6, 1, 12, 10)),
        ("0 0 29 2 *", datetime(2023, 3, 1), datetime(2024, 2, 29, 0, 0)),
    ],
)
def test_cron_next_fire(cron: str, after: datetime, expected: datetime) -> None:
    @schedule(cron_schedule=cron, job_name="ingest")
    def s() -> None:
        return None

    assert s.next_tick_after(after) == expected


def test_sensor_and_schedule_jobs_join_definitions() -> None:
    defs = Definitions(sensors=[files_sensor], resources={"bucket": Bucket(name="in")})
    assert [j.name for j in defs.all_jobs()] == ["ingest"]
    assert defs.get_job_def("ingest").execute_in_process().success
