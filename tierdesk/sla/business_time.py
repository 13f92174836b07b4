"""Business-time arithmetic: adding and measuring minutes that count only opening hours.

Pure Python (no Django): a frozen :class:`BusinessCalendar` describes a weekly
pattern of opening intervals in local time, a time zone, holidays, extra
closures and special opening days. Every function takes and returns
timezone-aware datetimes and returns them in UTC.

Conventions
-----------
* An interval belongs to the local date it starts on. ``end <= start`` means it
  ends on the next day (it crosses midnight); ``start == end`` is open 24 hours.
* A holiday or closure removes the intervals *starting* on that date; a special
  opening day replaces them (its intervals stay within the day).
* Durations are real elapsed minutes inside opening hours, so on the night the
  clocks go forward an interval 00:00–06:00 lasts five hours, and six on the
  night they go back.
* Long spans are not walked minute by minute or day by day: whole weeks are
  counted arithmetically (weekly minutes times weeks), corrected only on the
  few dates that differ from the pattern (holidays, closures, special days and
  the days around a daylight-saving change).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

MINUTES_PER_DAY = 24 * 60
# Looking further than this for an opening means the calendar never opens.
SEARCH_HORIZON_DAYS = 366 * 30


@dataclass(frozen=True)
class WeeklyInterval:
    """Open on ``weekday`` (0 = Monday) from ``start`` to ``end``, local time."""

    weekday: int
    start: time
    end: time

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), not {self.weekday}")
        for value in (self.start, self.end):
            if value.tzinfo is not None or value.second or value.microsecond:
                raise ValueError("interval bounds are whole local minutes without a time zone")

    @property
    def start_minute(self) -> int:
        return self.start.hour * 60 + self.start.minute

    @property
    def duration_minutes(self) -> int:
        """Length in local minutes; crossing midnight wraps, equal bounds mean 24 hours."""
        end_minute = self.end.hour * 60 + self.end.minute
        return (end_minute - self.start_minute) % MINUTES_PER_DAY or MINUTES_PER_DAY


@dataclass(frozen=True)
class DayInterval:
    """Special opening hours on one date, within that day (``end`` 00:00 means midnight)."""

    start: time
    end: time

    def __post_init__(self) -> None:
        if self.end != time(0) and self.end <= self.start:
            raise ValueError("special opening hours must end after they start, on the same day")

    @property
    def start_minute(self) -> int:
        return self.start.hour * 60 + self.start.minute

    @property
    def end_minute(self) -> int:
        return self.end.hour * 60 + self.end.minute or MINUTES_PER_DAY


@dataclass(frozen=True)
class BusinessCalendar:
    """Opening hours of a team: weekly pattern, time zone and exceptions.

    Parameters
    ----------
    time_zone:
        IANA name, e.g. ``"Europe/Berlin"``.
    intervals:
        The weekly opening intervals in local time; they must not overlap.
    holidays:
        Dates closed all day (public holidays).
    closures:
        Further dates closed all day (company events, inventory).
    special_openings:
        Dates with their own opening hours instead of the weekly ones.
    always_open:
        Open around the clock (24/7): every real minute counts; exceptions are ignored.
    """

    time_zone: str = "Europe/Berlin"
    intervals: tuple[WeeklyInterval, ...] = ()
    holidays: frozenset[date] = frozenset()
    closures: frozenset[date] = frozenset()
    special_openings: Mapping[date, tuple[DayInterval, ...]] = field(default_factory=dict)
    always_open: bool = False

    def __post_init__(self) -> None:
        ZoneInfo(self.time_zone)  # raises for an unknown zone
        object.__setattr__(self, "intervals", tuple(self.intervals))
        object.__setattr__(self, "holidays", frozenset(self.holidays))
        object.__setattr__(self, "closures", frozenset(self.closures))
        object.__setattr__(
            self,
            "special_openings",
            {day: tuple(hours) for day, hours in dict(self.special_openings).items()},
        )
        _check_weekly_overlaps(self.intervals)
        for day, hours in self.special_openings.items():
            _check_day_overlaps(day, hours)

    def __hash__(self) -> int:
        return hash(
            (
                self.time_zone,
                self.intervals,
                self.holidays,
                self.closures,
                tuple(sorted(self.special_openings.items())),
                self.always_open,
            )
        )

    @property
    def zone(self) -> ZoneInfo:
        return _zone(self.time_zone)


def weekly(days: Iterable[int], *hours: tuple[time, time]) -> tuple[WeeklyInterval, ...]:
    """The same hours on several weekdays: ``weekly(range(5), (time(8), time(18)))``."""
    return tuple(WeeklyInterval(day, start, end) for day in days for start, end in hours)


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _check_weekly_overlaps(intervals: tuple[WeeklyInterval, ...]) -> None:
    week = 7 * MINUTES_PER_DAY
    spans = sorted(
        (interval.weekday * MINUTES_PER_DAY + interval.start_minute, interval.duration_minutes)
        for interval in intervals
    )
    for index, (start, duration) in enumerate(spans):
        following = spans[(index + 1) % len(spans)][0]
        if len(spans) > 1 and (following - start) % week < duration:
            raise ValueError("weekly opening intervals overlap")
    if len(spans) == 1 and spans[0][1] > week:
        raise ValueError("weekly opening intervals overlap")


def _check_day_overlaps(day: date, hours: tuple[DayInterval, ...]) -> None:
    ordered = sorted(hours, key=lambda interval: interval.start_minute)
    for before, after in itertools.pairwise(ordered):
        if after.start_minute < before.end_minute:
            raise ValueError(f"special opening hours on {day.isoformat()} overlap")


# --- local days as UTC intervals ---------------------------------------------------------


def _require_aware(instant: datetime) -> datetime:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("business time needs timezone-aware datetimes")
    return instant.astimezone(UTC)


def _local_instant(zone: ZoneInfo, day: date, minute: int) -> datetime:
    """Local wall-clock ``minute`` after midnight of ``day`` (may exceed a day), in UTC."""
    target_day = day + timedelta(days=minute // MINUTES_PER_DAY)
    minute %= MINUTES_PER_DAY
    local = datetime.combine(target_day, time(minute // 60, minute % 60), tzinfo=zone)
    return local.astimezone(UTC)


def _day_spans(calendar: BusinessCalendar, day: date) -> list[tuple[int, int]]:
    """(start minute, end minute) after local midnight of the intervals starting on ``day``."""
    if day in calendar.holidays or day in calendar.closures:
        return []
    special = calendar.special_openings.get(day)
    if special is not None:
        return sorted((hours.start_minute, hours.end_minute) for hours in special)
    return _weekly_spans(calendar.intervals, day.weekday())


@lru_cache(maxsize=256)
def _weekly_spans(intervals: tuple[WeeklyInterval, ...], weekday: int) -> list[tuple[int, int]]:
    return sorted(
        (interval.start_minute, interval.start_minute + interval.duration_minutes)
        for interval in intervals
        if interval.weekday == weekday
    )


def _day_intervals(calendar: BusinessCalendar, day: date) -> list[tuple[datetime, datetime]]:
    zone = calendar.zone
    return [
        (_local_instant(zone, day, start), _local_instant(zone, day, end))
        for start, end in _day_spans(calendar, day)
    ]


def _minutes(span: timedelta) -> float:
    return span.total_seconds() / 60


def _actual_day_minutes(calendar: BusinessCalendar, day: date) -> float:
    return sum(_minutes(end - start) for start, end in _day_intervals(calendar, day))


@lru_cache(maxsize=256)
def _normal_minutes(intervals: tuple[WeeklyInterval, ...]) -> tuple[int, ...]:
    """Local minutes open per weekday by the weekly pattern alone."""
    totals = [0] * 7
    for interval in intervals:
        totals[interval.weekday] += interval.duration_minutes
    return tuple(totals)


@lru_cache(maxsize=512)
def _offset_change_days(zone_name: str, year: int) -> tuple[date, ...]:
    """Dates of ``year`` whose local day contains a UTC-offset change (DST)."""
    zone = _zone(zone_name)
    changes = []
    day = date(year, 1, 1)
    offset = datetime.combine(day, time(0), tzinfo=zone).utcoffset()
    while day.year == year:
        following = day + timedelta(days=1)
        next_offset = datetime.combine(following, time(0), tzinfo=zone).utcoffset()
        if next_offset != offset:
            changes.append(day)
        day, offset = following, next_offset
    return tuple(changes)


@lru_cache(maxsize=256)
def _sorted_exception_days(calendar: BusinessCalendar) -> tuple[date, ...]:
    return tuple(sorted(calendar.holidays | calendar.closures | set(calendar.special_openings)))


def _irregular_days(calendar: BusinessCalendar, first: date, stop: date) -> list[date]:
    """Dates in [first, stop) whose open minutes may differ from the weekly pattern.

    Those are the exception dates and, around a DST change on day ``t``, the
    days ``t - 1`` (an interval crossing midnight reaches into ``t``) and ``t``.
    """
    exceptions = _sorted_exception_days(calendar)
    low, high = bisect.bisect_left(exceptions, first), bisect.bisect_left(exceptions, stop)
    found = set(exceptions[low:high])
    for year in range(first.year, stop.year + 1):
        for change in _offset_change_days(calendar.time_zone, year):
            for day in (change - timedelta(days=1), change):
                if first <= day < stop:
                    found.add(day)
    return sorted(found)


def _minutes_in_days(calendar: BusinessCalendar, first: date, stop: date) -> float:
    """Open minutes of the intervals starting on the dates in [first, stop), arithmetically."""
    if stop <= first:
        return 0.0
    normal = _normal_minutes(calendar.intervals)
    days = (stop - first).days
    weeks, rest = divmod(days, 7)
    total: float = weeks * sum(normal)
    for offset in range(rest):
        total += normal[(first + timedelta(days=offset)).weekday()]
    for day in _irregular_days(calendar, first, stop):
        total += _actual_day_minutes(calendar, day) - normal[day.weekday()]
    return total


# --- public functions --------------------------------------------------------------------


def is_open(calendar: BusinessCalendar, instant: datetime) -> bool:
    """Whether ``instant`` lies inside opening hours (start included, end excluded)."""
    moment = _require_aware(instant)
    if calendar.always_open:
        return True
    today = moment.astimezone(calendar.zone).date()
    for day in (today - timedelta(days=1), today):
        for start, end in _day_intervals(calendar, day):
            if start <= moment < end:
                return True
    return False


def next_open(calendar: BusinessCalendar, instant: datetime) -> datetime:
    """``instant`` itself if open, else the start of the next opening (UTC).

    Raises ``ValueError`` if the calendar does not open within thirty years.
    """
    moment = _require_aware(instant)
    if calendar.always_open or is_open(calendar, moment):
        return moment
    day = moment.astimezone(calendar.zone).date() - timedelta(days=1)
    for _step in range(SEARCH_HORIZON_DAYS):
        for start, end in _day_intervals(calendar, day):
            if start > moment and end > start:
                return start
        day += timedelta(days=1)
    raise ValueError("the calendar never opens")


def business_minutes_between(calendar: BusinessCalendar, start: datetime, end: datetime) -> float:
    """Business minutes from ``start`` to ``end`` (negative if ``end`` is earlier)."""
    begin, finish = _require_aware(start), _require_aware(end)
    if finish < begin:
        return -business_minutes_between(calendar, finish, begin)
    if calendar.always_open:
        return _minutes(finish - begin)
    zone = calendar.zone
    first = begin.astimezone(zone).date() - timedelta(days=1)
    last = finish.astimezone(zone).date()
    # Days whose intervals may be cut by start or end are counted exactly; all
    # intervals of the days strictly between lie wholly inside [start, end].
    edge_days = {first, first + timedelta(days=1), last - timedelta(days=1), last}
    total = 0.0
    for day in edge_days:
        if first <= day <= last:
            for opening, closing in _day_intervals(calendar, day):
                lower, upper = max(opening, begin), min(closing, finish)
                if upper > lower:
                    total += _minutes(upper - lower)
    middle_first = first + timedelta(days=2)
    middle_stop = last - timedelta(days=1)
    return total + _minutes_in_days(calendar, middle_first, middle_stop)


def add_business_minutes(calendar: BusinessCalendar, start: datetime, minutes: float) -> datetime:
    """The instant at which ``minutes`` business minutes after ``start`` have passed (UTC).

    Adding 0 returns ``start``. Otherwise the result lies inside opening hours
    or exactly at the end of an opening interval.
    """
    moment = _require_aware(start)
    if minutes < 0:
        raise ValueError("cannot add a negative number of business minutes")
    if minutes == 0:
        return moment
    if calendar.always_open:
        return moment + timedelta(minutes=minutes)
    remaining = float(minutes)
    day = moment.astimezone(calendar.zone).date() - timedelta(days=1)
    # The first two days may hold intervals that began before ``start``.
    for _edge in range(2):
        found, remaining = _consume_day(calendar, day, moment, remaining)
        if found is not None:
            return found
        day += timedelta(days=1)
    day, remaining = _skip_weeks(calendar, day, remaining)
    for _step in range(SEARCH_HORIZON_DAYS):
        found, remaining = _consume_day(calendar, day, moment, remaining)
        if found is not None:
            return found
        day += timedelta(days=1)
    raise ValueError("the calendar does not open enough to add that many minutes")


def _consume_day(
    calendar: BusinessCalendar, day: date, not_before: datetime, remaining: float
) -> tuple[datetime | None, float]:
    """Spend ``remaining`` minutes on ``day``: the landing instant, or what is left."""
    for opening, closing in _day_intervals(calendar, day):
        lower = max(opening, not_before)
        if closing <= lower:
            continue
        available = _minutes(closing - lower)
        if available >= remaining:
            return lower + timedelta(minutes=remaining), 0.0
        remaining -= available
    return None, remaining


def _skip_weeks(calendar: BusinessCalendar, day: date, remaining: float) -> tuple[date, float]:
    """Jump whole weeks ahead while they are used up entirely (about log(weeks) steps)."""
    week_minutes = sum(_normal_minutes(calendar.intervals))
    if week_minutes == 0:
        return day, remaining
    weeks = int(remaining // week_minutes)
    while weeks >= 1:
        stop = day + timedelta(weeks=weeks)
        spent = _minutes_in_days(calendar, day, stop)
        if spent < remaining:
            day, remaining = stop, remaining - spent
            weeks = int(remaining // week_minutes)
        else:
            weeks //= 2
    return day, remaining
