"""Turning stored calendars into the pure ``BusinessCalendar`` the clocks compute with."""

from __future__ import annotations

import threading
from collections import defaultdict
from datetime import date

import holidays as holiday_tables
from django.utils import timezone

from tierdesk.sla.business_time import BusinessCalendar, DayInterval, WeeklyInterval
from tierdesk.sla.models import Calendar, ExceptionKind, TeamCalendar

# Public holidays are resolved for this many years around today (covers history and plans).
HOLIDAY_YEARS_BACK = 10
HOLIDAY_YEARS_AHEAD = 5

_cache: dict[tuple[int, str], BusinessCalendar] = {}
_cache_lock = threading.Lock()


def public_holidays(country: str, subdivision: str, years: range) -> frozenset[date]:
    """Dates of the public holidays of ``country`` (and ``subdivision``, e.g. BY) in ``years``.

    Raises ``ValueError`` for an unknown country or subdivision.
    """
    if not country:
        return frozenset()
    try:
        table = holiday_tables.country_holidays(
            country.upper(), subdiv=subdivision.upper() or None, years=years
        )
    except NotImplementedError as error:
        raise ValueError(str(error)) from error
    return frozenset(table.keys())


def business_calendar(calendar: Calendar) -> BusinessCalendar:
    """The pure calendar for a stored one; cached until the calendar's ``updated_at`` changes."""
    key = (calendar.pk, calendar.updated_at.isoformat())
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    built = _build(calendar)
    with _cache_lock:
        _cache[key] = built
    return built


def _build(calendar: Calendar) -> BusinessCalendar:
    if calendar.always_open:
        return BusinessCalendar(time_zone=calendar.time_zone, always_open=True)
    this_year = timezone.now().year
    years = range(this_year - HOLIDAY_YEARS_BACK, this_year + HOLIDAY_YEARS_AHEAD + 1)
    closures: set[date] = set()
    special: dict[date, list[DayInterval]] = defaultdict(list)
    for exception in calendar.exceptions.all():
        if exception.kind == ExceptionKind.CLOSED:
            closures.add(exception.date)
        elif exception.start is not None and exception.end is not None:
            special[exception.date].append(DayInterval(exception.start, exception.end))
    # Special opening hours on a public holiday open the desk that day.
    holidays = public_holidays(calendar.country, calendar.subdivision, years) - set(special)
    return BusinessCalendar(
        time_zone=calendar.time_zone,
        intervals=tuple(
            WeeklyInterval(interval.weekday, interval.start, interval.end)
            for interval in calendar.intervals.all()
        ),
        holidays=holidays,
        closures=frozenset(closures - set(special)),
        special_openings={day: tuple(hours) for day, hours in special.items()},
    )


def default_calendar() -> Calendar | None:
    return Calendar.objects.filter(is_default=True).order_by("pk").first() or (
        Calendar.objects.order_by("pk").first()
    )


def calendar_for_team(team_id: int) -> Calendar | None:
    link = TeamCalendar.objects.filter(team_id=team_id).select_related("calendar").first()
    return link.calendar if link is not None else default_calendar()
