"""When people in the demo act: agents in business hours, customers while awake.

Pure Python (no Django): instants are timezone-aware ``datetime`` objects in UTC;
opening hours are read in Europe/Berlin, so DST changes are handled by zoneinfo.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")


class OpeningHours:
    """Opening hours on given weekdays, closed on the given dates.

    ``weekdays`` uses Monday = 0; ``open_hour``/``close_hour`` are local hours.
    """

    def __init__(
        self,
        *,
        open_hour: int,
        close_hour: int,
        weekdays: Iterable[int] = range(5),
        closed_dates: Iterable[date] = (),
    ) -> None:
        self.open_hour = open_hour
        self.close_hour = close_hour
        self.weekdays = frozenset(weekdays)
        self.closed_dates = frozenset(closed_dates)

    def _is_open_day(self, day: date) -> bool:
        return day.weekday() in self.weekdays and day not in self.closed_dates

    def is_open(self, instant: datetime) -> bool:
        local = instant.astimezone(BERLIN)
        return self._is_open_day(local.date()) and self.open_hour <= local.hour < self.close_hour

    def next_opening(self, instant: datetime) -> datetime:
        """``instant`` itself if open, else the start of the next opening period (UTC)."""
        if self.is_open(instant):
            return instant
        local = instant.astimezone(BERLIN)
        day = local.date()
        if not (self._is_open_day(day) and local.hour < self.open_hour):
            day += timedelta(days=1)
            while not self._is_open_day(day):
                day += timedelta(days=1)
        opening = datetime(day.year, day.month, day.day, self.open_hour, tzinfo=BERLIN)
        return opening.astimezone(UTC)

    def snap(self, instant: datetime, spread_seconds: float) -> datetime:
        """Move ``instant`` into opening hours; arrivals queued overnight spread out.

        An action that would fall outside the hours happens at the next opening plus
        ``spread_seconds`` (agents work the overnight backlog one by one).
        """
        if self.is_open(instant):
            return instant
        return self.next_opening(instant) + timedelta(seconds=spread_seconds)
