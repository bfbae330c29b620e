"""Schedule ticks across timezones and daylight-saving transitions, compared tick by tick with
what the real dagster package computes for the same cron string and timezone."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import islice
from zoneinfo import ZoneInfo

import pytest

from dagwire import ScheduleDefinition
from dagwire.runtime.cron import CronSchedule

CRONS = [
    "0 * * * *",  # hourly: skips a missing time, fires twice at a repeated one
    "*/30 * * * *",
    "30 2 * * *",  # daily inside the spring-forward gap of most zones
    "30 1 * * *",  # daily at a time that happens twice in New York's fall back
    "0 2 * * *",
    "0 6 * * 1-5",
    "15 3 1 * *",  # monthly
    "0 0 * * 0",  # weekly
    "0 9-17/4 * * *",  # several hours a day (croniter's general path in dagster)
]
# (zone, a few days before its spring and fall transitions of 2026)
ZONES = [
    ("America/New_York", ["2026-03-06", "2026-10-30"]),
    ("Europe/Berlin", ["2026-03-27", "2026-10-23"]),
    ("Australia/Sydney", ["2026-04-03", "2026-10-02"]),
    ("Asia/Kolkata", ["2026-03-06"]),
    ("UTC", ["2026-03-06"]),
]
CASES = [(cron, zone, day) for cron in CRONS for zone, days in ZONES for day in days]


def dagster_ticks(cron: str, zone: str, start: datetime, count: int) -> list[datetime]:
    from dagster._utils.schedules import cron_string_iterator

    return list(islice(cron_string_iterator(start.timestamp(), cron, zone), count))


@pytest.mark.parametrize(("cron", "zone", "day"), CASES)
def test_ticks_match_dagster(cron: str, zone: str, day: str) -> None:
    schedule = ScheduleDefinition(name="s", job_name="j", cron_schedule=cron,
                                  execution_timezone=zone)
    # 17 seconds past a minute: on no tick, so "after" and Dagster's "from" agree
    start = datetime.fromisoformat(f"{day}T00:00:17").replace(tzinfo=ZoneInfo(zone))
    count = 80 if cron.split()[1] == "*" else 40
    expected = dagster_ticks(cron, zone, start, count)
    ticks: list[datetime] = []
    moment = start
    for _ in range(count):
        moment = schedule.next_tick_after(moment)
        ticks.append(moment)
    assert [(t.timestamp(), t.utcoffset()) for t in ticks] == \
        [(t.timestamp(), t.utcoffset()) for t in expected]
    # the walk partition windows use gives the same ticks
    walked = list(islice(CronSchedule(cron).ticks(start, zone), count))
    assert [(t.timestamp(), t.utcoffset()) for t in walked] == \
        [(t.timestamp(), t.utcoffset()) for t in expected]


def test_cases_cross_transitions() -> None:
    # the walk above really meets both kinds of transition (offsets change within it)
    assert len(CASES) == 72
    zone = ZoneInfo("America/New_York")
    gap = datetime(2026, 3, 8, 2, 30, tzinfo=zone)
    assert gap.astimezone(ZoneInfo("UTC")).astimezone(zone).hour == 3


def test_naive_moments_are_wall_clock_times() -> None:
    schedule = ScheduleDefinition(name="s", job_name="j", cron_schedule="30 2 * * *",
                                  execution_timezone="America/New_York")
    assert schedule.next_tick_after(datetime(2026, 3, 8, 1, 0)) == datetime(2026, 3, 8, 2, 30)


def test_no_timezone_means_utc_as_in_dagster() -> None:
    schedule = ScheduleDefinition(name="s", job_name="j", cron_schedule="0 6 * * *")
    after = datetime(2026, 7, 1, 7, 0, tzinfo=ZoneInfo("Europe/Berlin"))  # 05:00 UTC
    tick = schedule.next_tick_after(after)
    assert (tick.isoformat(), tick - after) == ("2026-07-01T06:00:00+00:00", timedelta(hours=1))
