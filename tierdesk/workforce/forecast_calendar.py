"""Opening hours, day types and holiday calendars given explicitly to the forecast.

A contact centre knows when it is open; guessing it from the data fails on a
zero-filled grid (every slot has a row, so everything looks open) and on a quiet
channel. :class:`OpeningHours` states the regular hours per weekday (any work
week), short days with their own hours and closed days. Holidays default to a
country or state calendar of the ``holidays`` package; named special days (Black
Friday, a sale, a mailing) can come as data or from a CSV file.

Example
-------
>>> from datetime import date, time
>>> hours = OpeningHours.weekdays(time(8), time(18), closed_days=[date(2024, 12, 25)])
>>> hours.open_ranges(date(2024, 12, 23)), hours.open_ranges(date(2024, 12, 25))
(((datetime.time(8, 0), datetime.time(18, 0)),), ())
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

import numpy as np
import pandas as pd

from tierdesk.workforce.forecast_layout import (
    BoolArray,
    DayCalendar,
    DayPanel,
    ForecastInputError,
    SeriesLayout,
    day_keys,
)

TimeRanges = tuple[tuple[time, time], ...]

#: Effect key of a short day (its volume is learned like a holiday's).
SHORT_DAY = "short day"


@dataclass(frozen=True)
class OpeningHours:
    """When a team takes contacts: regular hours per weekday, short days, closed days.

    Attributes
    ----------
    weekly : Mapping[int, TimeRanges]
        Weekday (Monday = 0) → open ranges ``(start, end)`` of local time, end
        excluded; ``time(0)`` as end means midnight. A missing weekday is closed.
    short_days : Mapping[date, TimeRanges]
        Dates with other hours than their weekday's (Christmas Eve until 12:00).
    closed_days : frozenset of date
        Dates on which the team is closed (company holidays, a move).
    """

    weekly: Mapping[int, TimeRanges]
    short_days: Mapping[date, TimeRanges] = field(default_factory=dict)
    closed_days: frozenset[date] = frozenset()

    @classmethod
    def weekdays(
        cls,
        opens: time,
        closes: time,
        *,
        days: Iterable[int] = range(5),
        short_days: Mapping[date, TimeRanges] | None = None,
        closed_days: Iterable[date] = (),
    ) -> OpeningHours:
        """The same hours on each of ``days`` (default Monday to Friday)."""
        return cls(
            weekly={int(d): ((opens, closes),) for d in days},
            short_days=dict(short_days or {}),
            closed_days=frozenset(closed_days),
        )

    @classmethod
    def around_the_clock(cls) -> OpeningHours:
        """Open every slot of every day (email, web forms)."""
        return cls(weekly={d: ((time(0), time(0)),) for d in range(7)})

    def open_ranges(self, day: date) -> TimeRanges:
        """Open ranges of one date (empty when closed)."""
        if day in self.closed_days:
            return ()
        if day in self.short_days:
            return tuple(self.short_days[day])
        return tuple(self.weekly.get(day.weekday(), ()))

    def slot_mask(self, ranges: TimeRanges, offsets: pd.TimedeltaIndex) -> BoolArray:
        """Slots (by start time since midnight) that lie inside the open ranges."""
        mask = np.zeros(len(offsets), dtype=bool)
        for opens, closes in ranges:
            start = pd.Timedelta(hours=opens.hour, minutes=opens.minute)
            end = pd.Timedelta(hours=closes.hour, minutes=closes.minute)
            if end <= start:
                end += pd.Timedelta(days=1)
            mask |= np.asarray((offsets >= start) & (offsets < end))
        return mask

    def weekly_slots(self, offsets: pd.TimedeltaIndex) -> BoolArray:
        """Boolean array (7, n_slots) of the regular hours."""
        return np.array([self.slot_mask(self.weekly.get(w, ()), offsets) for w in range(7)])


def day_offsets(interval: pd.Timedelta) -> pd.TimedeltaIndex:
    """Start of every interval of a day (e.g. 48 half hours), as time since midnight."""
    if pd.Timedelta(days=1) % interval != pd.Timedelta(0):
        raise ForecastInputError(f"interval {interval} does not divide a day")
    return pd.timedelta_range(pd.Timedelta(0), pd.Timedelta(days=1) - interval, freq=interval)


def default_holidays(
    country: str | None, subdivision: str | None, first_year: int, last_year: int
) -> dict[date, str]:
    """Public holidays of a country (and state) from the ``holidays`` package.

    Parameters
    ----------
    country : str or None
        ISO code, e.g. ``"DE"``; None gives no holidays.
    subdivision : str or None
        State or region, e.g. ``"BY"`` for Bavaria.
    first_year, last_year : int
        Years covered (inclusive).
    """
    if not country:
        return {}
    import holidays

    try:
        calendar = holidays.country_holidays(
            country, subdiv=subdivision, years=range(first_year, last_year + 1)
        )
    except NotImplementedError as error:
        raise ForecastInputError(f"unknown holiday country or subdivision: {error}") from error
    return {pd.Timestamp(day).date(): str(name) for day, name in calendar.items()}


def read_special_days(path: Path) -> dict[str, list[date]]:
    """Named special days from a CSV file with columns ``date,name`` (ISO dates).

    One row per occurrence, e.g. ``2024-11-29,black friday``. The result is the
    ``special_days`` argument of :func:`~tierdesk.workforce.forecast.forecast`.
    """
    result: dict[str, list[date]] = {}
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                day = date.fromisoformat(row["date"].strip())
                result.setdefault(row["name"].strip(), []).append(day)
    except (OSError, KeyError, ValueError) as error:
        raise ForecastInputError(f"cannot read special days from {path}: {error}") from error
    return result


def layout_for_hours(interval: pd.Timedelta, hours: OpeningHours) -> SeriesLayout:
    """The series layout of stated opening hours on a grid of ``interval``."""
    offsets = day_offsets(interval)
    open_slots = hours.weekly_slots(offsets)
    if not open_slots.any():
        raise ForecastInputError("the opening hours open no slot of any weekday")
    return SeriesLayout(interval=interval, offsets=offsets, open_slots=open_slots)


def with_short_days(calendar: DayCalendar, hours: OpeningHours) -> DayCalendar:
    """The calendar with every short day named, so its volume is learned as an effect."""
    special = dict(calendar.special_days)
    for day in hours.short_days:
        special[day] = (*special.get(day, ()), SHORT_DAY)
    return DayCalendar(holidays=calendar.holidays, special_days=special)


def apply_hours(panel: DayPanel, hours: OpeningHours, calendar: DayCalendar) -> DayPanel:
    """Closed days become absent rows; slots outside a short day's hours hold no data."""
    present = panel.present.copy()
    values = panel.values.copy()
    for row, day in enumerate(panel.dates):
        own = day.date()
        if own in hours.closed_days:
            present[row] = False
            values[row] = np.nan
        elif own in hours.short_days and present[row]:
            inside = hours.slot_mask(hours.short_days[own], panel.layout.offsets)
            values[row] = np.where(inside, values[row], 0.0)
    keys = day_keys(panel.dates, present, calendar)
    return DayPanel(panel.dates, values, present, panel.weekday, keys, panel.layout)


def future_slot_mask(
    hours: OpeningHours | None, day: pd.Timestamp, layout: SeriesLayout
) -> BoolArray:
    """Open slots of a future date: its short-day hours, else its weekday's."""
    if hours is not None and day.date() in hours.short_days:
        mask: BoolArray = hours.slot_mask(hours.short_days[day.date()], layout.offsets)
        return mask
    result: BoolArray = layout.open_slots[day.day_of_week]
    return result
