"""Shift templates, the weekly time grid and the coverage matrix of the shift planner.

Times of day are minutes after midnight and durations are minutes, so that shifts
starting at 07:15 on a half-hour grid are as exact as shifts on the grid itself.
Weekdays are numbered as in :meth:`datetime.date.weekday`: 0 is Monday, 6 is Sunday.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy import sparse

MINUTES_PER_DAY = 1440
DAYS_PER_WEEK = 7
MINUTES_PER_WEEK = MINUTES_PER_DAY * DAYS_PER_WEEK
ALL_WEEKDAYS: frozenset[int] = frozenset(range(DAYS_PER_WEEK))

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


def clock(text: str) -> int:
    """Minutes after midnight of a wall-clock time such as ``"07:30"``.

    ``"24:00"`` is accepted (1440 minutes) so that it can end a window.
    """
    hours, minutes = (int(part) for part in text.split(":"))
    if not (0 <= hours <= 24 and 0 <= minutes < 60) or (hours == 24 and minutes):
        raise ValueError(f"not a wall-clock time: {text!r}")
    return hours * 60 + minutes


def every(first: str, last: str, step_minutes: int) -> tuple[int, ...]:
    """Start times from ``first`` to ``last`` inclusive, ``step_minutes`` apart.

    Returns
    -------
    tuple of int
        Minutes after midnight.
    """
    if step_minutes <= 0:
        raise ValueError("step_minutes must be positive")
    return tuple(range(clock(first), clock(last) + 1, step_minutes))


@dataclass(frozen=True)
class Break:
    """A break at a fixed offset into a shift.

    Parameters
    ----------
    offset_minutes
        Minutes from the shift's start to the break's start.
    duration_minutes
        Length of the break in minutes.
    paid
        Whether the break is paid time (it never counts as time on the floor).
    """

    offset_minutes: int
    duration_minutes: int
    paid: bool = False


@dataclass(frozen=True)
class ShiftTemplate:
    """A kind of shift the planner may staff any number of times.

    Parameters
    ----------
    name
        Unique name of the template.
    starts
        Allowed start times, minutes after midnight (0 to 1439).
    length_minutes
        Minutes from start to end, breaks included. A shift may run past midnight.
    breaks
        Breaks within the shift; the agent is off the floor during them.
    days
        Weekdays on which the shift may start (0 is Monday).
    cost
        Cost of one shift in any currency unit; ``None`` means its paid hours.
    min_count, max_count
        Optional bounds on the number of shifts of this template in the week.
    skill
        Skill an agent needs to work the shift (used by rostering), or ``None``.
    """

    name: str
    starts: tuple[int, ...]
    length_minutes: int
    breaks: tuple[Break, ...] = ()
    days: frozenset[int] = field(default=ALL_WEEKDAYS)
    cost: float | None = None
    min_count: int | None = None
    max_count: int | None = None
    skill: str | None = None

    def __post_init__(self) -> None:
        if self.length_minutes <= 0:
            raise ValueError(f"template {self.name!r}: length_minutes must be positive")
        if not self.starts:
            raise ValueError(f"template {self.name!r}: no start times")
        if any(not 0 <= start < MINUTES_PER_DAY for start in self.starts):
            raise ValueError(f"template {self.name!r}: start times must lie in 0..1439 minutes")
        if not self.days or not self.days <= ALL_WEEKDAYS:
            raise ValueError(f"template {self.name!r}: days must be weekdays 0..6")
        for pause in self.breaks:
            inside = pause.offset_minutes >= 0
            inside = inside and pause.offset_minutes + pause.duration_minutes <= self.length_minutes
            if pause.duration_minutes <= 0 or not inside:
                raise ValueError(f"template {self.name!r}: break {pause} lies outside the shift")
        if self.cost is not None and self.cost < 0:
            raise ValueError(f"template {self.name!r}: cost must not be negative")
        low = 0 if self.min_count is None else self.min_count
        if low < 0 or (self.max_count is not None and self.max_count < low):
            raise ValueError(f"template {self.name!r}: need 0 <= min_count <= max_count")

    @property
    def paid_minutes(self) -> int:
        """Minutes paid per shift: its length less unpaid breaks."""
        unpaid = sum(pause.duration_minutes for pause in self.breaks if not pause.paid)
        return self.length_minutes - unpaid

    @property
    def shift_cost(self) -> float:
        """Cost of one shift (paid hours when no cost is given)."""
        return self.paid_minutes / 60 if self.cost is None else float(self.cost)

    def on_floor_profile(self) -> npt.NDArray[np.int64]:
        """1 for each minute of the shift spent on the floor, 0 during breaks."""
        profile = np.ones(self.length_minutes, dtype=np.int64)
        for pause in self.breaks:
            profile[pause.offset_minutes : pause.offset_minutes + pause.duration_minutes] = 0
        return profile


@dataclass(frozen=True, eq=False)
class WeekGrid:
    """The week of planning intervals a requirement is given on.

    Parameters
    ----------
    interval_minutes
        Length of one interval in minutes.
    first_weekday
        Weekday of the first day of the week (0 is Monday).
    index
        Timestamps of the intervals when the requirement came as a pandas Series.
    """

    interval_minutes: int
    first_weekday: int = 0
    index: pd.DatetimeIndex | None = None

    @property
    def intervals_per_day(self) -> int:
        """Number of intervals in a day."""
        return MINUTES_PER_DAY // self.interval_minutes

    @property
    def size(self) -> int:
        """Number of intervals in the week."""
        return self.intervals_per_day * DAYS_PER_WEEK

    def weekday(self, day: int) -> int:
        """Weekday (0 is Monday) of day ``day`` (0..6) of the week."""
        return (self.first_weekday + day) % DAYS_PER_WEEK


def week_requirement(required: object) -> tuple[FloatArray, WeekGrid]:
    """Validate a weekly requirement and return it as a flat array with its grid.

    Parameters
    ----------
    required
        Agents required per interval for one week: a 1-D array of ``7 × k`` values or
        a ``(7, k)`` array (the week starts on Monday at midnight), or a pandas Series
        on a regular DatetimeIndex of exactly one week starting at midnight.

    Returns
    -------
    tuple
        The requirement (agents per interval, shape ``(7 k,)``) and its WeekGrid.
    """
    if isinstance(required, pd.Series):
        values, grid = _series_requirement(required)
    else:
        values = np.asarray(required, dtype=np.float64).reshape(-1)
        if values.size == 0 or values.size % DAYS_PER_WEEK:
            raise ValueError(f"a week needs 7 × k intervals, got {values.size}")
        per_day = values.size // DAYS_PER_WEEK
        if MINUTES_PER_DAY % per_day:
            raise ValueError(f"{per_day} intervals a day do not divide a day into whole minutes")
        grid = WeekGrid(interval_minutes=MINUTES_PER_DAY // per_day)
    if not np.all(np.isfinite(values)) or np.any(values < 0):
        raise ValueError("required agents must be finite and not negative")
    return values, grid


def _series_requirement(required: pd.Series) -> tuple[FloatArray, WeekGrid]:
    index = required.index
    if not isinstance(index, pd.DatetimeIndex) or len(index) < 2:
        raise ValueError("a requirement Series needs a DatetimeIndex of one week")
    steps = index[1:] - index[:-1]
    step = steps[0]
    if not (steps == step).all():
        raise ValueError("the requirement's DatetimeIndex must be regular (give DST weeks naive)")
    interval_minutes = step / pd.Timedelta(minutes=1)
    if interval_minutes != int(interval_minutes) or MINUTES_PER_DAY % int(interval_minutes):
        raise ValueError(f"interval {step} does not divide a day into whole minutes")
    if len(index) * step != pd.Timedelta(days=DAYS_PER_WEEK):
        raise ValueError(f"the requirement must span exactly one week, got {len(index) * step}")
    first = index[0]
    if first != first.normalize():
        raise ValueError(f"the week must start at midnight, not {first}")
    grid = WeekGrid(int(interval_minutes), first_weekday=first.weekday(), index=index)
    return required.to_numpy(dtype=np.float64), grid


@dataclass(frozen=True, eq=False)
class ShiftColumns:
    """Every candidate shift (template, day, start) and the intervals it covers.

    Attributes
    ----------
    template
        Index into the template list, per candidate.
    day
        Day of the week (0..6, counted from the grid's first day), per candidate.
    start_minute
        Start, minutes after midnight, per candidate.
    coverage
        Sparse ``(intervals, candidates)`` matrix: the fraction of each interval the
        candidate spends on the floor (agents).
    cost
        Cost per candidate shift.
    """

    template: IntArray
    day: IntArray
    start_minute: IntArray
    coverage: sparse.csc_array
    cost: FloatArray

    @property
    def size(self) -> int:
        """Number of candidate shifts."""
        return int(self.template.size)


def shift_columns(
    templates: Sequence[ShiftTemplate], grid: WeekGrid, *, wrap_week: bool = True
) -> ShiftColumns:
    """Enumerate candidate shifts and build their coverage matrix.

    Parameters
    ----------
    templates
        The shift templates.
    grid
        The week's intervals.
    wrap_week
        When true the week repeats, so the part of a shift running past the week's
        end covers the first intervals of the week; otherwise that part is dropped.
    """
    names = [template.name for template in templates]
    if len(set(names)) != len(names):
        raise ValueError("shift template names must be unique")
    parts = [_template_columns(template, grid, wrap_week) for template in templates]
    if not parts:
        raise ValueError("no shift templates given")
    sizes = [part.day.size for part in parts]
    offsets = np.cumsum([0, *sizes])
    rows = np.concatenate([part.rows for part in parts])
    cols = np.concatenate(
        [part.cols + offset for part, offset in zip(parts, offsets, strict=False)]
    )
    values = np.concatenate([part.fraction for part in parts])
    template_of = np.repeat(np.arange(len(parts), dtype=np.int64), sizes)
    coverage = sparse.coo_array((values, (rows, cols)), shape=(grid.size, int(offsets[-1])))
    costs = np.array([template.shift_cost for template in templates], dtype=np.float64)
    return ShiftColumns(
        template=template_of,
        day=np.concatenate([part.day for part in parts]),
        start_minute=np.concatenate([part.start_minute for part in parts]),
        coverage=coverage.tocsc(),
        cost=costs[template_of],
    )


@dataclass(frozen=True, eq=False)
class _TemplateColumns:
    day: IntArray
    start_minute: IntArray
    rows: IntArray
    cols: IntArray
    fraction: FloatArray


def _template_columns(template: ShiftTemplate, grid: WeekGrid, wrap_week: bool) -> _TemplateColumns:
    days = [day for day in range(DAYS_PER_WEEK) if grid.weekday(day) in template.days]
    starts = sorted(set(template.starts))
    day_of = np.repeat(np.array(days, dtype=np.int64), len(starts))
    start_of = np.tile(np.array(starts, dtype=np.int64), len(days))
    absolute = day_of * MINUTES_PER_DAY + start_of
    step = grid.interval_minutes
    length = template.length_minutes
    on_floor = np.concatenate([[0], np.cumsum(template.on_floor_profile())])
    # Each candidate touches at most this many consecutive intervals.
    span = (step - 1 + length) // step + 1
    first = absolute // step
    interval = first[:, None] + np.arange(span)[None, :]
    low = np.clip(interval * step - absolute[:, None], 0, length)
    high = np.clip((interval + 1) * step - absolute[:, None], 0, length)
    fraction = (on_floor[high] - on_floor[low]) / step
    keep = fraction > 0
    if not wrap_week:
        keep &= interval < grid.size
    local_col = np.broadcast_to(np.arange(absolute.size)[:, None], interval.shape)
    return _TemplateColumns(
        day=day_of,
        start_minute=start_of,
        rows=(interval[keep] % grid.size).astype(np.int64),
        cols=local_col[keep].astype(np.int64),
        fraction=fraction[keep].astype(np.float64),
    )
