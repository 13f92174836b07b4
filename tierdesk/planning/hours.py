"""Opening hours of a team as the planning maths needs them: a forecast input and a slot mask."""

from __future__ import annotations

from datetime import date, time, timedelta

import numpy as np
import numpy.typing as npt

from tierdesk.sla.business_time import BusinessCalendar
from tierdesk.sla.calendars import business_calendar, calendar_for_team
from tierdesk.workforce.forecast import OpeningHours


def team_business_calendar(team_id: int) -> BusinessCalendar:
    """The team's calendar, the default one, or weekdays 8–18 when none is configured."""
    calendar = calendar_for_team(team_id)
    if calendar is not None:
        return business_calendar(calendar)
    from tierdesk.sla.business_time import WeeklyInterval

    return BusinessCalendar(
        intervals=tuple(WeeklyInterval(day, time(8), time(18)) for day in range(5))
    )


def opening_hours(calendar: BusinessCalendar) -> OpeningHours:
    """The calendar's weekly hours, holidays and closures as the forecast's OpeningHours."""
    if calendar.always_open:
        return OpeningHours.around_the_clock()
    weekly: dict[int, list[tuple[time, time]]] = {}
    for interval in calendar.intervals:
        weekly.setdefault(interval.weekday, []).append((interval.start, interval.end))
    return OpeningHours(
        weekly={day: tuple(ranges) for day, ranges in weekly.items()},
        short_days={
            day: tuple((hours.start, hours.end) for hours in ranges)
            for day, ranges in calendar.special_openings.items()
        },
        closed_days=frozenset(calendar.holidays | calendar.closures),
    )


def open_slots(
    calendar: BusinessCalendar, first_day: date, days: int, interval_minutes: int
) -> npt.NDArray[np.bool_]:
    """Whether each local interval of ``days`` days from ``first_day`` lies in opening hours."""
    hours = opening_hours(calendar)
    per_day = 1440 // interval_minutes
    mask = np.zeros(days * per_day, dtype=bool)
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        for opens, closes in hours.open_ranges(day):
            begin = (opens.hour * 60 + opens.minute) // interval_minutes
            end_minutes = closes.hour * 60 + closes.minute
            opens_minutes = opens.hour * 60 + opens.minute
            # An end at or before the opening runs past midnight: this day is open to its end.
            overnight = end_minutes <= opens_minutes
            end = per_day if overnight else -(-end_minutes // interval_minutes)
            mask[offset * per_day + begin : offset * per_day + max(begin, end)] = True
    return mask
