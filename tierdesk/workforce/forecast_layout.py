"""Opening pattern of an arrivals series and its day-by-interval panel.

Forecasting works on a panel: one row per calendar day on which the centre is
normally open, one column per interval of the day ("slot"). Days the centre was
expected to be open but has no data are kept as absent rows, because the day
after a closure behaves differently (callers catch up) and that effect is learned.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
IntArray = NDArray[np.int64]

#: Effect key of the first open day after one or more closed days.
AFTER_CLOSURE = "after closure"
_HOLIDAY = "holiday: "
_SPECIAL = "special: "


class ForecastInputError(ValueError):
    """The arrivals history cannot be forecast (too short, irregular, negative...)."""


@dataclass(frozen=True)
class SeriesLayout:
    """When a series has data: its interval and the open intervals of each weekday.

    Attributes
    ----------
    interval : pandas.Timedelta
        Length of one interval (5 minutes to 1 day).
    offsets : pandas.TimedeltaIndex
        Start of every slot that is open on some weekday, as time since midnight.
    open_slots : numpy.ndarray
        Boolean array (7, n_slots): slot ``s`` is open on weekday ``w`` (Monday = 0).
    """

    interval: pd.Timedelta
    offsets: pd.TimedeltaIndex
    open_slots: BoolArray

    @property
    def open_weekdays(self) -> BoolArray:
        """Boolean array (7,): the weekday has at least one open slot."""
        return np.asarray(self.open_slots.any(axis=1), dtype=bool)

    @property
    def days_per_week(self) -> int:
        """Number of open weekdays (the period of the weekly season, in days)."""
        return int(self.open_weekdays.sum())


@dataclass(frozen=True)
class DayCalendar:
    """Public holidays and named special days, as multiplicative day effects.

    Attributes
    ----------
    holidays : Mapping[date, str]
        Holiday date → holiday name.
    special_days : Mapping[date, tuple[str, ...]]
        Date → names of the special days (Black Friday, a sale...) falling on it.
    """

    holidays: Mapping[date, str]
    special_days: Mapping[date, tuple[str, ...]]

    def keys(self, day: date) -> tuple[str, ...]:
        """Effect keys of a day, without the after-closure key."""
        found: list[str] = []
        if day in self.holidays:
            found.append(_HOLIDAY + self.holidays[day])
        found.extend(_SPECIAL + name for name in self.special_days.get(day, ()))
        return tuple(found)


def make_calendar(
    holidays: Mapping[date, str] | Iterable[date] | None,
    special_days: Mapping[str, Iterable[date | str | pd.Timestamp]] | None,
) -> DayCalendar:
    """Normalise the holiday and special-day arguments of :func:`forecast`.

    ``holidays`` may be a ``holidays`` package calendar (a date → name mapping) or
    a plain collection of dates; ``special_days`` maps a name to its dates.
    """
    holiday_map: dict[date, str] = {}
    if isinstance(holidays, Mapping):
        holiday_map = {pd.Timestamp(d).date(): str(name) for d, name in holidays.items()}
    elif holidays is not None:
        holiday_map = {pd.Timestamp(d).date(): "holiday" for d in holidays}
    special: dict[date, tuple[str, ...]] = {}
    for name, dates in (special_days or {}).items():
        for raw in dates:
            day = pd.Timestamp(raw).date()
            special[day] = (*special.get(day, ()), str(name))
    return DayCalendar(holidays=holiday_map, special_days=special)


#: Share of a weekday's days with arrivals that a slot needs to count as open.
OPEN_SLOT_MIN_SHARE = 0.05
#: ... and at least this many such days.
OPEN_SLOT_MIN_DAYS = 2
#: A day with no arrivals at all counts as closed when its weekday's median total is
#: at least this (calls per day): Poisson chance of a zero day below e^-5 < 1 %.
CLOSED_DAY_MIN_MEDIAN = 5.0


def infer_layout(history: pd.Series) -> SeriesLayout:
    """Infer the interval and the open slots per weekday from the history.

    The interval is the most common spacing of the index. A weekday is open when
    it has arrivals in at least half of the weeks spanned; a slot is open on a
    weekday when it has data on at least half of that weekday's days and arrivals
    on at least ``OPEN_SLOT_MIN_SHARE`` of them. Counting arrivals rather than rows
    matters for a zero-filled grid, whose every slot has a row: a slot that never
    sees a call is closed, not "open around the clock". A quiet night slot of a
    24×7 channel (0.1 tickets per half hour) still has arrivals on ~10 % of days.
    """
    index = _check_index(history)
    spacing = pd.Series(index[1:] - index[:-1]).value_counts()
    interval = pd.Timedelta(spacing.index[0])
    if interval < pd.Timedelta(minutes=1) or interval > pd.Timedelta(days=1):
        raise ForecastInputError(f"interval {interval} is outside 1 minute to 1 day")
    days = index.normalize()
    offsets_all = index - days
    offsets = pd.TimedeltaIndex(np.unique(offsets_all.to_numpy()))
    slot_of = offsets.get_indexer(offsets_all)
    weekday = np.asarray(days.day_of_week)
    n_weeks = max(1.0, (days[-1] - days[0]).days / 7.0)
    open_slots = np.zeros((7, len(offsets)), dtype=bool)
    values = history.to_numpy(dtype=float)
    day_number = np.asarray((days - days[0]).days)
    positive_day = np.zeros(day_number[-1] + 1, dtype=bool)
    positive_day[day_number[values > 0]] = True
    for w in range(7):
        on_day = weekday == w
        n_days = len(np.unique(days[on_day]))
        n_busy = int(positive_day[np.unique(day_number[on_day])].sum()) if n_days else 0
        if n_days == 0 or n_busy < 0.5 * n_weeks:
            continue
        counts = np.bincount(slot_of[on_day], minlength=len(offsets))
        busy = np.bincount(slot_of[on_day & (values > 0)], minlength=len(offsets))
        open_slots[w] = (counts >= 0.5 * n_days) & (
            busy >= max(OPEN_SLOT_MIN_DAYS, OPEN_SLOT_MIN_SHARE * n_busy)
        )
    if not open_slots.any():
        raise ForecastInputError("no weekday has data in at least half of the weeks")
    return SeriesLayout(interval=interval, offsets=offsets, open_slots=open_slots)


def _check_index(history: pd.Series) -> pd.DatetimeIndex:
    if not isinstance(history.index, pd.DatetimeIndex):
        raise ForecastInputError("history must have a DatetimeIndex")
    if len(history) < 2:
        raise ForecastInputError("history needs at least two observations")
    if not history.index.is_monotonic_increasing or history.index.has_duplicates:
        raise ForecastInputError("history index must be increasing without duplicates")
    values = history.to_numpy(dtype=float)
    if np.isnan(values).any() or (values < 0).any():
        raise ForecastInputError("history must hold non-negative counts without NaN")
    return history.index


@dataclass(frozen=True)
class DayPanel:
    """History as a matrix of days × slots, with the calendar of each day.

    Attributes
    ----------
    dates : pandas.DatetimeIndex
        Every calendar day on an open weekday from the first day of history on.
    values : numpy.ndarray
        Arrivals (calls per interval), shape (n_days, n_slots); 0 on closed slots,
        NaN on absent days.
    present : numpy.ndarray
        Boolean (n_days,): the day has data (False: the centre was closed).
    weekday : numpy.ndarray
        Weekday of each day (Monday = 0).
    keys : tuple of tuple of str
        Effect keys of each day (holidays, special days, after closure).
    layout : SeriesLayout
        The opening pattern.
    """

    dates: pd.DatetimeIndex
    values: FloatArray
    present: BoolArray
    weekday: IntArray
    keys: tuple[tuple[str, ...], ...]
    layout: SeriesLayout

    def before(self, cutoff: pd.Timestamp) -> DayPanel:
        """The panel of the days strictly before ``cutoff``'s date."""
        n = int(np.searchsorted(self.dates.to_numpy(), cutoff.normalize().to_datetime64()))
        return DayPanel(
            dates=self.dates[:n],
            values=self.values[:n],
            present=self.present[:n],
            weekday=self.weekday[:n],
            keys=self.keys[:n],
            layout=self.layout,
        )

    @property
    def totals(self) -> FloatArray:
        """Arrivals per day (NaN on absent days)."""
        result: FloatArray = self.values.sum(axis=1)
        return result

    @property
    def regular(self) -> BoolArray:
        """Present days without any calendar effect."""
        plain = np.array([len(k) == 0 for k in self.keys], dtype=bool)
        result: BoolArray = self.present & plain
        return result


def build_panel(history: pd.Series, layout: SeriesLayout, calendar: DayCalendar) -> DayPanel:
    """Arrange the history as a :class:`DayPanel`; missing slots of open days are 0."""
    index = history.index
    days = index.normalize()
    first, last = days[0], days[-1]
    all_dates = pd.date_range(first, last, freq="D")
    dates = all_dates[layout.open_weekdays[np.asarray(all_dates.day_of_week)]]
    row = dates.get_indexer(days)
    slot = layout.offsets.get_indexer(index - days)
    keep = row >= 0
    values = np.full((len(dates), len(layout.offsets)), np.nan)
    present = np.zeros(len(dates), dtype=bool)
    present[row[keep]] = True
    values[present] = 0.0
    np.add.at(values, (row[keep], slot[keep]), history.to_numpy(dtype=float)[keep])
    weekday = np.asarray(dates.day_of_week, dtype=np.int64)
    # Sporadic data outside the opening pattern (a test call at night) is dropped.
    values = np.where(~layout.open_slots[weekday] & present[:, None], 0.0, values)
    present = _zero_days_closed(values, present, weekday)
    values[~present] = np.nan
    keys = day_keys(dates, present, calendar)
    return DayPanel(dates, values, present, weekday, keys, layout)


def _zero_days_closed(values: FloatArray, present: BoolArray, weekday: IntArray) -> BoolArray:
    """Present days without a single arrival on a weekday that is never that quiet: closed.

    A zero-filled export has a row for a closed holiday; reading it as an open day
    with no calls would pull the level down and teach a wrong holiday effect.
    """
    totals = np.where(present, values.sum(axis=1), np.nan)
    result = present.copy()
    for w in np.unique(weekday[present]):
        rows = present & (weekday == w)
        if np.median(totals[rows]) >= CLOSED_DAY_MIN_MEDIAN:
            result[rows & (totals == 0)] = False
    return result


def day_keys(
    dates: Sequence[pd.Timestamp] | pd.DatetimeIndex,
    present: Sequence[bool] | BoolArray,
    calendar: DayCalendar,
) -> tuple[tuple[str, ...], ...]:
    """Effect keys of consecutive open-weekday dates; ``present`` False means closed."""
    result: list[tuple[str, ...]] = []
    previous_open = True
    for day, is_open in zip(dates, present, strict=True):
        keys = calendar.keys(pd.Timestamp(day).date())
        if not previous_open:
            keys = (*keys, AFTER_CLOSURE)
        result.append(keys)
        previous_open = bool(is_open)
    return tuple(result)


def closed_holiday_names(panel: DayPanel, calendar: DayCalendar) -> tuple[set[str], bool]:
    """Holiday names on which the centre was closed, and whether closing is the norm.

    Returns the names whose latest occurrence in history was a closed day, and
    True when most holiday dates in history were closed (used for names never seen).
    """
    latest: dict[str, bool] = {}
    closed_count = 0
    seen = 0
    for day, is_present in zip(panel.dates, panel.present, strict=True):
        name = calendar.holidays.get(day.date())
        if name is None:
            continue
        latest[name] = not bool(is_present)
        seen += 1
        closed_count += int(not is_present)
    closed = {name for name, was_closed in latest.items() if was_closed}
    return closed, seen > 0 and closed_count * 2 > seen


def future_dates(
    panel: DayPanel, calendar: DayCalendar, start: pd.Timestamp, n_days: int
) -> tuple[pd.DatetimeIndex, tuple[tuple[str, ...], ...]]:
    """The next ``n_days`` open days from ``start``'s date, with their effect keys.

    Holidays on which the centre closed in history (or, for holidays never seen,
    when it usually closes) are skipped: the forecast follows the opening pattern.
    Open-weekday days between the end of history and ``start`` count as closed.
    """
    closed_names, closes_usually = closed_holiday_names(panel, calendar)
    seen_names = {calendar.holidays.get(d.date()) for d in panel.dates}
    day = start.normalize()
    gap_start = panel.dates[-1] + pd.Timedelta(days=1) if len(panel.dates) else day
    previous_open = bool(panel.present[-1]) if len(panel.present) else True
    for gap_day in pd.date_range(gap_start, day - pd.Timedelta(days=1), freq="D"):
        if panel.layout.open_weekdays[gap_day.day_of_week]:
            previous_open = False
    dates: list[pd.Timestamp] = []
    keys: list[tuple[str, ...]] = []
    while len(dates) < n_days:
        if panel.layout.open_weekdays[day.day_of_week]:
            name = calendar.holidays.get(day.date())
            closed = name is not None and (
                name in closed_names or (name not in seen_names and closes_usually)
            )
            if not closed:
                own = calendar.keys(day.date())
                keys.append(own if previous_open else (*own, AFTER_CLOSURE))
                dates.append(day)
            previous_open = not closed
        day = day + pd.Timedelta(days=1)
    return pd.DatetimeIndex(dates), tuple(keys)


#: Open days counted from each end of the month that get their own effect.
MONTH_POSITIONS_FROM_START = 3
MONTH_POSITIONS_FROM_END = 1


def month_position_keys(
    dates: pd.DatetimeIndex, open_weekdays: BoolArray
) -> tuple[tuple[str, ...], ...]:
    """Effect keys of the first open days and the last open day of each month.

    Billing, salaries and statements make the turn of the month busier in many
    contact centres (banks especially). The position counts the open weekdays of
    the opening pattern, not the days with data, so that a future date gets the
    same key as its past analogues (holidays are handled by their own keys).

    Parameters
    ----------
    dates : pandas.DatetimeIndex
        Midnights of the days.
    open_weekdays : numpy.ndarray
        Boolean (7,): the centre normally opens on that weekday (Monday = 0).

    Returns
    -------
    tuple of tuple of str
        Per date, ``("month: open day 1",)``... for the first
        ``MONTH_POSITIONS_FROM_START`` open days and ``("month: last open day",)``.
    """
    if len(dates) == 0:
        return ()
    first = dates.min().to_period("M").to_timestamp()
    last = dates.max().to_period("M").to_timestamp(how="end").normalize()
    days = pd.date_range(first, last, freq="D")
    is_open = open_weekdays[np.asarray(days.day_of_week)].astype(np.int64)
    month = np.asarray(days.year * 12 + days.month)
    starts = np.r_[0, np.flatnonzero(np.diff(month)) + 1]
    ends = np.r_[starts[1:], len(days)]
    before = np.empty(len(days), dtype=np.int64)
    after = np.empty(len(days), dtype=np.int64)
    for lo, hi in zip(starts, ends, strict=True):
        running = np.cumsum(is_open[lo:hi])
        before[lo:hi] = running - is_open[lo:hi]
        after[lo:hi] = running[-1] - running
    result: list[tuple[str, ...]] = []
    for position in days.get_indexer(dates):
        keys: list[str] = []
        if is_open[position] and before[position] < MONTH_POSITIONS_FROM_START:
            keys.append(f"month: open day {before[position] + 1}")
        if is_open[position] and after[position] < MONTH_POSITIONS_FROM_END:
            keys.append("month: last open day")
        result.append(tuple(keys))
    return tuple(result)
