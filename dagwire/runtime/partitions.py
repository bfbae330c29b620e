"""Partitions definitions: which partition keys an asset or job has, and a key's time window.

A run materializes one partition (``materialize(..., partition_key=...)``); the keys follow
Dagster's rules. A time-window definition's partitions are the windows between consecutive
ticks of its cron schedule, from ``start`` on; a window is a partition once it has ended
(``end_offset`` adds that many later windows), up to ``end`` (exclusive). A key is the
window's start in ``fmt``; the second of two windows that start at the same wall-clock time
(an hourly schedule at a fall-back transition) carries its UTC offset.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, timedelta, timezone, tzinfo
from itertools import islice
from typing import Any, NamedTuple

from dagwire.runtime.cron import CronError, CronSchedule, timezone_named
from dagwire.runtime.errors import (
    DagwireInvalidDefinitionError,
    DagwireInvariantViolationError,
    DagwireUnknownPartitionError,
)


class PartitionsDefinition:
    """What every partitions definition answers."""

    def get_partition_keys(self, current_time: datetime | None = None,
                           dynamic_partitions_store: Any = None) -> list[str]:
        raise NotImplementedError

    def has_partition_key(self, partition_key: str,
                          current_time: datetime | None = None) -> bool:
        return partition_key in self.get_partition_keys(current_time)

    def validate_partition_key(self, partition_key: str) -> None:
        """Raise Dagster's error for a key this definition does not have."""
        if not self.has_partition_key(partition_key):
            raise DagwireUnknownPartitionError(
                f"Could not find a partition with key `{partition_key}`."
            )

    def get_first_partition_key(self, current_time: datetime | None = None) -> str | None:
        keys = self.get_partition_keys(current_time)
        return keys[0] if keys else None

    def get_last_partition_key(self, current_time: datetime | None = None) -> str | None:
        keys = self.get_partition_keys(current_time)
        return keys[-1] if keys else None


class StaticPartitionsDefinition(PartitionsDefinition):
    """A fixed list of partition keys."""

    def __init__(self, partition_keys: Sequence[str]) -> None:
        keys = list(partition_keys)
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        if duplicates:
            raise DagwireInvalidDefinitionError(
                f"Duplicate instances of partition keys: {duplicates}"
            )
        self._keys = keys

    def get_partition_keys(self, current_time: datetime | None = None,
                           dynamic_partitions_store: Any = None) -> list[str]:
        return list(self._keys)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StaticPartitionsDefinition) and other._keys == self._keys

    def __hash__(self) -> int:
        return hash(tuple(self._keys))

    def __repr__(self) -> str:
        return f"StaticPartitionsDefinition(partition_keys={self._keys!r})"


class TimeWindow(NamedTuple):
    """A partition's time span: ``start`` included, ``end`` excluded."""

    start: datetime
    end: datetime


_SCHEDULES = {
    "HOURLY": lambda minute, hour, day: f"{minute} * * * *",
    "DAILY": lambda minute, hour, day: f"{minute} {hour} * * *",
    "WEEKLY": lambda minute, hour, day: f"{minute} {hour} * * {day or 0}",
    "MONTHLY": lambda minute, hour, day: f"{minute} {hour} {day or 1} * *",
}


class TimeWindowPartitionsDefinition(PartitionsDefinition):
    """Partitions that are the windows between ticks of a cron schedule."""

    def __init__(
        self,
        start: datetime | str,
        fmt: str,
        end: datetime | str | None = None,
        schedule_type: Any = None,
        timezone: str | None = None,
        end_offset: int = 0,
        minute_offset: int | None = None,
        hour_offset: int | None = None,
        day_offset: int | None = None,
        cron_schedule: str | None = None,
        exclusions: Sequence[Any] | None = None,
    ) -> None:
        owner = type(self).__name__
        if exclusions:
            raise DagwireInvalidDefinitionError(
                f"Invalid {owner}:", ["exclusions= (partition exclusions) is not supported "
                                      "by dagwire"])
        if end_offset < 0:
            raise DagwireInvalidDefinitionError(
                f"Invalid {owner}:", ["a negative end_offset is not supported by dagwire"])
        self.timezone = timezone or "UTC"
        try:
            self._zone = timezone_named(self.timezone)
        except CronError as error:
            raise DagwireInvalidDefinitionError(f"Invalid {owner}: {error}") from None
        self.fmt = fmt
        if cron_schedule is None:
            kind = getattr(schedule_type, "value", schedule_type)
            if kind not in _SCHEDULES:
                raise DagwireInvalidDefinitionError(
                    f"Invalid {owner}: one of schedule_type and cron_schedule must be provided")
            cron_schedule = _SCHEDULES[kind](minute_offset or 0, hour_offset or 0, day_offset)
        elif schedule_type is not None or minute_offset or hour_offset or day_offset:
            raise DagwireInvalidDefinitionError(
                f"Invalid {owner}: if cron_schedule argument is provided, then schedule_type, "
                "minute_offset, hour_offset, and day_offset can't also be provided")
        try:
            self._schedule = CronSchedule(cron_schedule)
        except CronError:
            raise DagwireInvalidDefinitionError(
                f"Found invalid cron schedule '{cron_schedule}' for a "
                "TimeWindowPartitionsDefinition."
            ) from None
        self.cron_schedule = cron_schedule
        self.end_offset = end_offset
        self.start: datetime = self._moment(start)
        self.end: datetime | None = None if not end else self._moment(end)

    # -- times and keys ---------------------------------------------------------------

    @property
    def _tz(self) -> tzinfo:
        return timezone.utc if self.timezone.upper() == "UTC" else self._zone

    def _moment(self, value: datetime | str) -> datetime:
        if isinstance(value, str):
            return self._parse(value)
        return value.replace(tzinfo=self._tz)

    def _parse(self, text: str) -> datetime:
        """A key (or a start/end string) -> the time it names (Dagster's strptime)."""
        try:
            parsed = datetime.strptime(text, self.fmt)
        except ValueError:
            parsed = datetime.strptime(text, self.fmt + "%z")
        if parsed.tzinfo is not None:
            return datetime.fromtimestamp(parsed.timestamp(), tz=self._tz)
        return parsed.replace(tzinfo=self._tz, fold=0)

    def _key(self, moment: datetime) -> str:
        local = moment.astimezone(self._tz)
        if ("%z" not in self.fmt and self._schedule.every_hour and local.fold == 1
                and self.timezone.upper() != "UTC"
                and local.replace(fold=0).utcoffset() != local.utcoffset()):
            return local.strftime(self.fmt + "%z")
        return local.strftime(self.fmt)

    def _windows(self, moment: datetime) -> Iterator[TimeWindow]:
        """Consecutive windows, the first starting at the first tick at or after ``moment``."""
        ticks = (t.astimezone(self._tz) for t in self._schedule.ticks(moment, self.timezone))
        start = next(ticks)
        for end in ticks:
            yield TimeWindow(start, end)
            start = end

    def _anchor(self, moment: datetime, windows: int) -> datetime:
        """A time at least ``windows`` windows before ``moment`` (widest gap measured)."""
        ticks = list(islice(self._schedule.ticks(moment - timedelta(days=1), self.timezone),
                            12))
        widest = max(b - a for a, b in zip(ticks, ticks[1:]))
        return moment - (windows + 2) * widest - timedelta(hours=2)

    def _last_ending_by(self, moment: datetime) -> TimeWindow | None:
        """The last window that ends at or before ``moment`` (None when the first does not)."""
        anchor = max(self.start, self._anchor(moment, 1))
        found: TimeWindow | None = None
        for window in self._windows(anchor):
            if window.end > moment:
                break
            found = window
        return found

    def _window_containing(self, moment: datetime) -> TimeWindow:
        for window in self._windows(self._anchor(moment, 1)):
            if window.end > moment:
                return window
        raise AssertionError("unreachable: windows go on forever")

    def _bounds(self, now: datetime) -> tuple[TimeWindow, TimeWindow] | None:
        """The first and the last partition windows at ``now`` (Dagster's rules)."""
        first = next(self._windows(self.start))
        if self.end is not None and self.end <= self.start:
            return None
        if self.end_offset == 0:
            if first.end > now:
                return None
            cutoff = min(now, self.end) if self.end is not None else now
            last = self._last_ending_by(cutoff)
            return None if last is None else (first, last)
        current = self._window_containing(now)
        after = islice(self._windows(current.end), self.end_offset)
        windows = [current, *after]
        if first.end > windows[self.end_offset].start:
            return None
        current = windows[self.end_offset - 1]
        last_by_end = self._last_ending_by(self.end) if self.end is not None else None
        if last_by_end is not None and last_by_end.start <= current.start:
            return first, last_by_end
        if current.start < first.start:
            return first, first
        return first, current

    @staticmethod
    def _now(current_time: datetime | None) -> datetime:
        if current_time is None:
            return datetime.now(timezone.utc)
        return current_time if current_time.tzinfo else current_time.replace(tzinfo=timezone.utc)

    def get_partition_keys(self, current_time: datetime | None = None,
                           dynamic_partitions_store: Any = None) -> list[str]:
        bounds = self._bounds(self._now(current_time))
        if bounds is None:
            return []
        first, last = bounds
        keys: list[str] = []
        for window in self._windows(first.start):
            if window.start > last.start:
                break
            keys.append(self._key(window.start))
        return keys

    def has_partition_key(self, partition_key: str,
                          current_time: datetime | None = None) -> bool:
        try:
            start = self._parse(partition_key)
        except ValueError:
            return False
        bounds = self._bounds(self._now(current_time))
        if bounds is None:
            return False
        first, last = bounds
        if not first.start <= start <= last.start:
            return False
        window = next(self._windows(start))
        return window.start == start and self._key(start) == partition_key

    def time_window_for_partition_key(self, partition_key: str) -> TimeWindow:
        start = self._parse(partition_key)
        return next(self._windows(start))

    def start_time_for_partition_key(self, partition_key: str) -> datetime:
        return self._parse(partition_key)

    def end_time_for_partition_key(self, partition_key: str) -> datetime:
        return self.time_window_for_partition_key(partition_key).end

    def _fields(self) -> tuple[Any, ...]:
        return (self.start, self.end, self.timezone, self.fmt, self.end_offset,
                self.cron_schedule)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TimeWindowPartitionsDefinition) and \
            other._fields() == self._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        end = None if self.end is None else self.end.timestamp()
        return (f"TimeWindowPartitionsDefinition(start={self.start.timestamp()}, end={end}, "
                f"timezone={self.timezone!r}, fmt={self.fmt!r}, end_offset={self.end_offset}, "
                f"cron_schedule={self.cron_schedule!r})")


class HourlyPartitionsDefinition(TimeWindowPartitionsDefinition):
    def __init__(self, start_date: datetime | str, end_date: datetime | str | None = None,
                 minute_offset: int = 0, timezone: str | None = None, fmt: str | None = None,
                 end_offset: int = 0, exclusions: Sequence[Any] | None = None) -> None:
        super().__init__(start_date, fmt or "%Y-%m-%d-%H:%M", end_date, "HOURLY", timezone,
                         end_offset, minute_offset=minute_offset, exclusions=exclusions)


class DailyPartitionsDefinition(TimeWindowPartitionsDefinition):
    def __init__(self, start_date: datetime | str, end_date: datetime | str | None = None,
                 minute_offset: int = 0, hour_offset: int = 0, timezone: str | None = None,
                 fmt: str | None = None, end_offset: int = 0,
                 exclusions: Sequence[Any] | None = None) -> None:
        super().__init__(start_date, fmt or "%Y-%m-%d", end_date, "DAILY", timezone,
                         end_offset, minute_offset=minute_offset, hour_offset=hour_offset,
                         exclusions=exclusions)


class WeeklyPartitionsDefinition(TimeWindowPartitionsDefinition):
    def __init__(self, start_date: datetime | str, end_date: datetime | str | None = None,
                 minute_offset: int = 0, hour_offset: int = 0, day_offset: int = 0,
                 timezone: str | None = None, fmt: str | None = None, end_offset: int = 0,
                 exclusions: Sequence[Any] | None = None) -> None:
        super().__init__(start_date, fmt or "%Y-%m-%d", end_date, "WEEKLY", timezone,
                         end_offset, minute_offset=minute_offset, hour_offset=hour_offset,
                         day_offset=day_offset, exclusions=exclusions)


class MonthlyPartitionsDefinition(TimeWindowPartitionsDefinition):
    def __init__(self, start_date: datetime | str, end_date: datetime | str | None = None,
                 minute_offset: int = 0, hour_offset: int = 0, day_offset: int = 1,
                 timezone: str | None = None, fmt: str | None = None, end_offset: int = 0,
                 exclusions: Sequence[Any] | None = None) -> None:
        super().__init__(start_date, fmt or "%Y-%m-%d", end_date, "MONTHLY", timezone,
                         end_offset, minute_offset=minute_offset, hour_offset=hour_offset,
                         day_offset=day_offset, exclusions=exclusions)


class PartitionKeyRange(NamedTuple):
    """The partitions a run covers (dagwire runs one: ``start == end``)."""

    start: str
    end: str


_NOT_PARTITIONED = "Cannot access partition_key for a non-partitioned run"


class StepPartitions:
    """What a step (and the IO manager contexts of its outputs and inputs) knows about the
    partition its run materializes: the run's key and partitions definition, and the
    partitions definition of each asset output and of each upstream asset input."""

    def __init__(
        self,
        key: str | None = None,
        run_def: PartitionsDefinition | None = None,
        outputs: Mapping[str, PartitionsDefinition] | None = None,
        inputs: Mapping[str, PartitionsDefinition] | None = None,
        own_def: PartitionsDefinition | None = None,
    ) -> None:
        self.key = key
        self.run_def = run_def
        self.outputs = dict(outputs or {})
        self.inputs = dict(inputs or {})
        self.own_def = own_def  # the step's own assets' (None: not a partitioned asset)

    def run_key(self) -> str:
        if self.key is None:
            raise DagwireInvariantViolationError(_NOT_PARTITIONED)
        return self.key

    def time_window(self) -> TimeWindow:
        definition = self.run_def
        if definition is None:
            raise DagwireInvariantViolationError("Partitions definition is not defined")
        if not isinstance(definition, TimeWindowPartitionsDefinition):
            raise DagwireInvariantViolationError(
                f"Expected a TimeWindowPartitionsDefinition, but instead found {definition!r}")
        return definition.time_window_for_partition_key(self.run_key())

    def output_def(self, output_name: str) -> PartitionsDefinition:
        definition = self.outputs.get(output_name)
        if definition is None:
            raise DagwireInvariantViolationError(
                f"output '{output_name}' is not a partitioned asset: it has no partition key")
        return definition

    def output_key(self, output_name: str) -> str:
        self.output_def(output_name)
        return self.run_key()

    def output_window(self, output_name: str) -> TimeWindow:
        definition = self.output_def(output_name)
        if not isinstance(definition, TimeWindowPartitionsDefinition):
            raise DagwireInvariantViolationError(
                f"output '{output_name}' is not a time-partitioned asset")
        return definition.time_window_for_partition_key(self.run_key())

    def input_def(self, input_name: str) -> PartitionsDefinition:
        definition = self.inputs.get(input_name)
        if definition is None:
            raise DagwireInvariantViolationError(
                f"input '{input_name}' is not a partitioned asset: it has no partition keys")
        return definition

    def input_keys(self, input_name: str) -> list[str]:
        """The upstream partitions an input loads: the run's own partition when this step's
        asset shares the upstream's partitions, every partition for an unpartitioned one."""
        definition = self.input_def(input_name)
        if self.own_def is not None and self.key is not None:
            return [self.key]
        return definition.get_partition_keys()

    def for_output(self, output_name: str) -> OutputPartition:
        return OutputPartition(self, output_name)

    def for_input(self, input_name: str) -> InputPartition:
        return InputPartition(self, input_name)


class _RunPartition:
    """What an IO manager's output and input contexts read alike: the run's partition."""

    step: StepPartitions

    @property
    def has_partition_key(self) -> bool:
        return self.step.key is not None

    @property
    def partition_key(self) -> str:
        return self.step.run_key()


class OutputPartition(_RunPartition):
    """The partition attributes of an IO manager's ``OutputContext``."""

    def __init__(self, step: StepPartitions, output_name: str) -> None:
        self.step = step
        self.output_name = output_name

    @property
    def has_asset_partitions(self) -> bool:
        return self.step.key is not None and self.output_name in self.step.outputs

    @property
    def asset_partition_key(self) -> str:
        return self.step.output_key(self.output_name)

    @property
    def asset_partition_keys(self) -> list[str]:
        return [self.asset_partition_key]

    @property
    def asset_partitions_time_window(self) -> TimeWindow:
        return self.step.output_window(self.output_name)

    @property
    def asset_partitions_def(self) -> PartitionsDefinition:
        return self.step.output_def(self.output_name)


class InputPartition(_RunPartition):
    """The partition attributes of an IO manager's ``InputContext``."""

    def __init__(self, step: StepPartitions, input_name: str) -> None:
        self.step = step
        self.input_name = input_name

    @property
    def has_asset_partitions(self) -> bool:
        return self.input_name in self.step.inputs

    @property
    def asset_partition_keys(self) -> list[str]:
        return self.step.input_keys(self.input_name)

    @property
    def asset_partition_key(self) -> str:
        keys = self.asset_partition_keys
        if len(keys) != 1:
            raise DagwireInvariantViolationError(
                f"input '{self.input_name}' loads {len(keys)} partitions: use "
                "asset_partition_keys")
        return keys[0]

    @property
    def asset_partitions_def(self) -> PartitionsDefinition:
        return self.step.input_def(self.input_name)

    @property
    def asset_partitions_time_window(self) -> TimeWindow:
        definition = self.asset_partitions_def
        if not isinstance(definition, TimeWindowPartitionsDefinition):
            raise DagwireInvariantViolationError(
                f"input '{self.input_name}' is not a time-partitioned asset")
        keys = self.asset_partition_keys
        return TimeWindow(definition.time_window_for_partition_key(keys[0]).start,
                          definition.time_window_for_partition_key(keys[-1]).end)


__all__ = [
    "DailyPartitionsDefinition",
    "HourlyPartitionsDefinition",
    "InputPartition",
    "MonthlyPartitionsDefinition",
    "OutputPartition",
    "PartitionKeyRange",
    "PartitionsDefinition",
    "StaticPartitionsDefinition",
    "StepPartitions",
    "TimeWindow",
    "TimeWindowPartitionsDefinition",
    "WeeklyPartitionsDefinition",
]
