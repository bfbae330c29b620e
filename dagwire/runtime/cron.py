"""Cron schedules: parsing and the next fire time, with croniter (the library Dagster's own
schedules use) and Dagster's rules for daylight-saving transitions.

croniter walks wall-clock times; a wall-clock time is then placed in the schedule's timezone
as Dagster places it:
- a time that does not exist (spring forward): an hourly schedule skips it, any other moves to
  the end of the gap (02:30 -> 03:00), so that a daily schedule misses no day;
- a time that happens twice (fall back): an hourly schedule fires at both, any other at the
  later one.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from croniter import CroniterError, croniter

_UTC = timezone.utc


class CronError(ValueError):
    pass


_FIELDS = (("minute", "0-59"), ("hour", "0-23"), ("day of month", "1-31"), ("month", "1-12"),
           ("day of week", "0-7"))


def _bad_field(parts: list[str]) -> str:
    """Which field of a five-field expression croniter refuses, and why."""
    for index, (part, (label, bounds)) in enumerate(zip(parts, _FIELDS)):
        alone = ["*"] * 5
        alone[index] = part
        try:
            croniter.expand(" ".join(alone))
        except (CroniterError, ValueError):
            return f"{label}: '{part}' is not valid (values {bounds})"
    return "the fields do not combine into a schedule"


def _exists(moment: datetime) -> bool:
    return moment.astimezone(_UTC).astimezone(moment.tzinfo).replace(tzinfo=None) == \
        moment.replace(tzinfo=None)


def _ambiguous(moment: datetime) -> bool:
    return moment.replace(fold=0).utcoffset() != moment.replace(fold=1).utcoffset()


def _after_gap(moment: datetime) -> datetime:
    """A wall-clock time inside a spring-forward gap -> the first time after the gap."""
    start = moment.replace(minute=0, second=0, microsecond=0)
    offset = moment.tzinfo.dst(moment + timedelta(hours=1)) if moment.tzinfo else None
    return start + (offset or timedelta(hours=1))


def timezone_named(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise CronError(f"unknown timezone '{name}'") from None


class CronSchedule:
    """A parsed cron expression (five fields or an ``@daily``-style alias)."""

    def __init__(self, expression: str) -> None:
        self.expression = expression
        text = expression.strip()
        parts = text.split()
        if len(parts) != 5 and not text.startswith("@"):
            raise CronError(f"expected 5 fields, got {len(parts)}")
        try:
            expanded, _ = croniter.expand(text)
        except (CroniterError, ValueError):
            raise CronError(_bad_field(parts) if len(parts) == 5 else
                            f"unknown alias '{text}'") from None
        self._text = text
        # an hourly schedule (every hour of the day) treats transitions its own way
        self.every_hour = expanded[1] == ["*"]

    def _wall_times(self, start: datetime) -> Iterator[datetime]:
        walk = croniter(self._text, start)
        while True:
            yield walk.get_next(datetime)

    def _placed(self, wall: datetime, zone: tzinfo) -> list[datetime]:
        moment = wall.replace(tzinfo=zone)
        if not _exists(moment):
            return [] if self.every_hour else [_after_gap(moment)]
        if _ambiguous(moment):
            later = moment.replace(fold=1)
            return [moment.replace(fold=0), later] if self.every_hour else [later]
        return [moment]

    def ticks(self, moment: datetime, execution_timezone: str | None = None) -> Iterator[datetime]:
        """Every fire time at or after ``moment`` (aware), in order: ``next_after`` repeated,
        on one croniter walk (partition windows list thousands of them)."""
        zone = timezone_named(execution_timezone) if execution_timezone else _UTC
        target = moment.timestamp()
        start = moment.astimezone(zone).replace(tzinfo=None) - timedelta(hours=1)
        pending: list[datetime] = []  # placed times in time order, not yet certain
        for wall in self._wall_times(start.replace(second=0, microsecond=0)
                                     - timedelta(minutes=1)):
            # offsets move by at most an hour: a time placed from a wall time more than an
            # hour earlier cannot come after one placed from this wall time
            while pending and pending[0].replace(tzinfo=None) + timedelta(hours=1) < wall:
                candidate = pending.pop(0)
                if candidate.timestamp() >= target:
                    target = candidate.timestamp() + 1
                    yield candidate
            pending = sorted([*pending, *self._placed(wall, zone)], key=datetime.timestamp)
        raise AssertionError("unreachable: croniter iterates forever")

    def next_after(self, moment: datetime, execution_timezone: str | None = None) -> datetime:
        """The first fire time strictly after ``moment``, in ``execution_timezone`` (UTC when
        not given, as in Dagster). A naive ``moment`` is a wall-clock time: the result is the
        next wall-clock time, naive too."""
        if moment.tzinfo is None:
            return next(self._wall_times(moment.replace(microsecond=0)))
        zone = timezone_named(execution_timezone) if execution_timezone else _UTC
        local = moment.astimezone(zone)
        # an hour back: a time that happens twice may fire at its first occurrence
        start = local.replace(tzinfo=None) - timedelta(hours=1)
        target = moment.timestamp()
        best: datetime | None = None
        best_wall: datetime | None = None
        for wall in self._wall_times(start):
            if best is not None and best_wall is not None and \
                    wall > best_wall + timedelta(hours=1):
                return best  # later wall times cannot come first (offsets move by <= 1 h)
            for candidate in self._placed(wall, zone):
                stamp = candidate.timestamp()
                if stamp > target and (best is None or stamp < best.timestamp()):
                    best = candidate
                    best_wall = best_wall or wall
        raise AssertionError("unreachable: croniter iterates forever")
