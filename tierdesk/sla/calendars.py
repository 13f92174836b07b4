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


class CalendarBook:
    """Every calendar read at once, for recomputing many tickets without a query each.

    Resolves a ticket's calendar as ``sla_recompute`` does: the policy's own
    calendar, else the team's, else the default one (the first marked default,
    else the first of all).
    """

    def __init__(
        self,
        calendars: dict[int, BusinessCalendar],
        team_calendars: dict[int, int],
        default_id: int | None,
    ) -> None:
        self.calendars = calendars
        self.team_calendars = team_calendars
        self.default_id = default_id

    @classmethod
    def load(cls) -> CalendarBook:
        """Read all calendars with their hours and exceptions, and the teams' links (4 queries)."""
        stored = list(Calendar.objects.prefetch_related("intervals", "exceptions").order_by("pk"))
        defaults = [calendar.pk for calendar in stored if calendar.is_default]
        fallback = defaults or [calendar.pk for calendar in stored]
        return cls(
            calendars={calendar.pk: business_calendar(calendar) for calendar in stored},
            team_calendars=dict(TeamCalendar.objects.values_list("team_id", "calendar_id")),
            default_id=fallback[0] if fallback else None,
        )

    def calendar_for(self, policy_calendar_id: int | None, team_id: int) -> BusinessCalendar | None:
        if policy_calendar_id is not None:
            return self.calendars.get(policy_calendar_id)
        calendar_id = self.team_calendars.get(team_id, self.default_id)
        return self.calendars.get(calendar_id) if calendar_id is not None else None
