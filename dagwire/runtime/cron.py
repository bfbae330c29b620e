"""A small cron parser: five fields (minute hour day-of-month month day-of-week) or an
``@hourly``-style alias, and the next fire time after a moment."""

from __future__ import annotations

from datetime import datetime, timedelta

_ALIASES = {
    "@hourly": "0 * * * *",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@weekly": "0 0 * * 0",
    "@monthly": "0 0 1 * *",
    "@yearly": "0 0 1 1 *",
    "@annually": "0 0 1 1 *",
}
_FIELDS = (("minute", 0, 59), ("hour", 0, 23), ("day of month", 1, 31), ("month", 1, 12),
           ("day of week", 0, 7))


class CronError(ValueError):
    pass


def _parse_field(text: str, label: str, low: int, high: int) -> frozenset[int]:
    values: set[int] = set()
    for part in text.split(","):
        step = 1
        if "/" in part:
            part, step_text = part.split("/", 1)
            if not step_text.isdigit() or int(step_text) == 0:
                raise CronError(f"{label}: bad step '{step_text}'")
            step = int(step_text)
        if part == "*":
            start, end = low, high
        elif "-" in part:
            first, _, last = part.partition("-")
            if not (first.isdigit() and last.isdigit()):
                raise CronError(f"{label}: bad range '{part}'")
            start, end = int(first), int(last)
        elif part.isdigit():
            start = end = int(part)
            if step != 1:
                end = high
        else:
            raise CronError(f"{label}: bad value '{part}'")
        if not (low <= start <= high and low <= end <= high and start <= end):
            raise CronError(f"{label}: '{part}' is outside {low}-{high}")
        values.update(range(start, end + 1, step))
    return frozenset(values)


class CronSchedule:
    """A parsed cron expression."""

    def __init__(self, expression: str) -> None:
        self.expression = expression
        text = _ALIASES.get(expression.strip(), expression)
        parts = text.split()
        if len(parts) != 5:
            raise CronError(f"expected 5 fields, got {len(parts)}")
        fields = [_parse_field(p, *spec) for p, spec in zip(parts, _FIELDS)]
        self.minutes, self.hours, self.days, self.months = fields[:4]
        self.weekdays = frozenset(d % 7 for d in fields[4])  # 0 and 7 are Sunday
        self.any_day = parts[2] == "*"
        self.any_weekday = parts[4] == "*"

    def _day_matches(self, moment: datetime) -> bool:
        weekday = (moment.weekday() + 1) % 7  # cron: Sunday = 0
        day_ok = moment.day in self.days
        weekday_ok = weekday in self.weekdays
        if self.any_day or self.any_weekday:
            return day_ok and weekday_ok
        return day_ok or weekday_ok  # cron's rule when both are restricted

    def next_after(self, moment: datetime) -> datetime:
        """The first fire time strictly after ``moment`` (same tzinfo)."""
        candidate = moment.replace(second=0, microsecond=0) + timedelta(minutes=1)
        for _ in range(366 * 5):
            if candidate.month in self.months and self._day_matches(candidate):
                for hour in sorted(h for h in self.hours if h >= candidate.hour):
                    start = candidate.minute if hour == candidate.hour else 0
                    minutes = [m for m in sorted(self.minutes) if m >= start]
                    if minutes:
                        return candidate.replace(hour=hour, minute=minutes[0])
            candidate = (candidate + timedelta(days=1)).replace(hour=0, minute=0)
        raise CronError(f"'{self.expression}' never fires")
