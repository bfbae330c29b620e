"""Partition keys and time windows, compared with what the real dagster package computes for
the same definition at the same current time (timezones, offsets, end dates, end_offset and
daylight-saving transitions)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

import dagwire

NOW = datetime(2026, 12, 7, 12, 4, tzinfo=timezone.utc)
CASES: list[tuple[str, dict[str, Any]]] = [
    ("Daily", {"start_date": "2024-01-01"}),
    ("Daily", {"start_date": "2024-01-01", "end_date": "2024-01-04"}),
    ("Daily", {"start_date": "2024-01-01", "end_date": "2024-01-04", "end_offset": 1}),
    ("Daily", {"start_date": "2026-11-20", "end_offset": 2}),
    ("Daily", {"start_date": "2026-12-06"}),
    ("Daily", {"start_date": "2026-12-07"}),  # the first window has not ended: no partitions
    ("Daily", {"start_date": "2026-12-07", "end_offset": 1}),
    ("Daily", {"start_date": "2026-12-20", "end_offset": 1}),
    ("Daily", {"start_date": "2024-03-01", "timezone": "US/Pacific", "hour_offset": 2,
               "minute_offset": 30, "end_date": "2024-03-20"}),  # 02:30 is skipped on 03-10
    ("Hourly", {"start_date": "2024-03-09-00:00", "end_date": "2024-03-12-00:00",
                "timezone": "US/Pacific"}),  # spring forward: one hour fewer
    ("Hourly", {"start_date": "2024-11-02-00:00", "end_date": "2024-11-05-00:00",
                "timezone": "US/Pacific"}),  # fall back: 01:00 twice, the second with offset
    ("Hourly", {"start_date": "2026-12-01-00:00"}),
    ("Weekly", {"start_date": "2024-01-01", "end_date": "2024-06-01"}),
    ("Weekly", {"start_date": "2024-01-03", "day_offset": 3, "end_offset": 1}),
    ("Monthly", {"start_date": "2024-01-01"}),
    ("Monthly", {"start_date": "2024-01-15", "day_offset": 15, "timezone": "Europe/Berlin",
                 "end_offset": 3}),
    ("Monthly", {"start_date": "2026-11-01", "end_date": "2026-12-01", "end_offset": 2}),
]


def both(kind: str, arguments: dict[str, Any]) -> tuple[Any, Any]:
    import dagster

    name = f"{kind}PartitionsDefinition"
    return getattr(dagster, name)(**arguments), getattr(dagwire, name)(**arguments)


def window(w: Any) -> tuple[float, float, Any]:
    return (w.start.timestamp(), w.end.timestamp(), w.start.utcoffset())


@pytest.mark.parametrize(("kind", "arguments"), CASES)
def test_keys_and_windows_match_dagster(kind: str, arguments: dict[str, Any]) -> None:
    theirs, ours = both(kind, arguments)
    keys = theirs.get_partition_keys(current_time=NOW)
    assert ours.get_partition_keys(current_time=NOW) == keys
    assert repr(ours) == repr(theirs)
    for key in keys[:2] + keys[-2:]:
        assert window(ours.time_window_for_partition_key(key)) == \
            window(theirs.time_window_for_partition_key(key))


def test_the_cases_cross_a_fall_back_transition() -> None:
    _, ours = both("Hourly", CASES[10][1])
    assert "2024-11-03-01:00-0800" in ours.get_partition_keys(current_time=NOW)


@pytest.mark.parametrize("key", [
    "2024-01-02", "2023-12-31", "2024-01-04", "2024-1-2", "x", "2024-01-02-00:00",
])
def test_validity_of_a_key_matches_dagster(key: str) -> None:
    theirs, ours = both("Daily", {"start_date": "2024-01-01", "end_date": "2024-01-04"})
    assert ours.has_partition_key(key) == theirs.has_partition_key(key)


def test_static_partitions() -> None:
    regions = dagwire.StaticPartitionsDefinition(["eu", "us"])
    assert (regions.get_partition_keys(), regions.has_partition_key("us"),
            regions.has_partition_key("asia")) == (["eu", "us"], True, False)
    with pytest.raises(dagwire.DagwireInvalidDefinitionError) as raised:
        dagwire.StaticPartitionsDefinition(["a", "a"])
    assert str(raised.value) == "Duplicate instances of partition keys: ['a']"
