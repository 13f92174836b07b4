"""Calendars shared by the business-time tests (pure; no database)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from tierdesk.sla.business_time import BusinessCalendar, DayInterval, weekly
from tierdesk.sla.calendars import public_holidays

BAVARIA_HOLIDAYS = public_holidays("DE", "BY", range(2023, 2029))

OFFICE_BY = BusinessCalendar(
    time_zone="Europe/Berlin",
    intervals=weekly(range(5), (time(8), time(18))),
    holidays=BAVARIA_HOLIDAYS,
)
SPLIT_DAY = BusinessCalendar(
    time_zone="Europe/Berlin",
    intervals=weekly(range(6), (time(8), time(12)), (time(13), time(17, 30))),
    holidays=BAVARIA_HOLIDAYS,
    closures=frozenset({date(2025, 12, 23)}),
    special_openings={date(2025, 12, 21): (DayInterval(time(10), time(14)),)},
)
NIGHTS = BusinessCalendar(
    time_zone="Europe/Berlin",
    intervals=weekly(range(7), (time(22), time(6))),
)
NEW_YORK = BusinessCalendar(
    time_zone="America/New_York", intervals=weekly(range(5), (time(9), time(17)))
)
ALWAYS = BusinessCalendar(always_open=True)
ALL = (OFFICE_BY, SPLIT_DAY, NIGHTS, NEW_YORK, ALWAYS)


def berlin(*args: int) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime(*args, tzinfo=ZoneInfo("Europe/Berlin")).astimezone(UTC)  # type: ignore[misc]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


MINUTE = timedelta(minutes=1)


def naive_add(calendar: BusinessCalendar, start: datetime, minutes: float) -> datetime:
    """Reference: walk day by day through the opening intervals (slow but obvious)."""
    from tierdesk.sla.business_time import _day_intervals

    remaining = minutes
    day = start.astimezone(calendar.zone).date() - timedelta(days=1)
    while True:
        for opening, closing in _day_intervals(calendar, day):
            lower = max(opening, start)
            if closing <= lower:
                continue
            available = (closing - lower).total_seconds() / 60
            if available >= remaining:
                return lower + timedelta(minutes=remaining)
            remaining -= available
        day += timedelta(days=1)


def naive_between(calendar: BusinessCalendar, start: datetime, end: datetime) -> float:
    """Reference: sum the clipped opening intervals of every day."""
    from tierdesk.sla.business_time import _day_intervals

    total = 0.0
    day = start.astimezone(calendar.zone).date() - timedelta(days=1)
    while day <= end.astimezone(calendar.zone).date():
        for opening, closing in _day_intervals(calendar, day):
            lower, upper = max(opening, start), min(closing, end)
            if upper > lower:
                total += (upper - lower).total_seconds() / 60
        day += timedelta(days=1)
    return total
