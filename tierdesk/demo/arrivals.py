"""When requests arrive: a non-homogeneous Poisson process with realistic profiles.

The intensity is piecewise constant per hour (local time, Europe/Berlin) and the
product of a weekday profile, an intraday profile per channel, a yearly season per
kind of request (Christmas and Black Friday peaks, a summer bump in returns, new-year
cancellations), public holidays and a slight growth trend. Counts per hour are
Poisson draws of a seeded numpy ``Generator``; arrivals are spread uniformly within
their hour, which is exactly a Poisson process with that intensity.

Pure numpy/pandas, no Django.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

INTENTS = (
    "question",
    "incident",
    "return",
    "complaint",
    "sales_inquiry",
    "cancellation",
    "loyalty",
)
# What the request really is (the type an agent sets when it differs from routing).
INTENT_TYPE = {
    "question": "question",
    "incident": "incident",
    "return": "return",
    "complaint": "complaint",
    "sales_inquiry": "sales_inquiry",
    "cancellation": "cancellation",
    "loyalty": "question",
}
INTENT_SHARE = np.array([0.28, 0.27, 0.15, 0.09, 0.08, 0.06, 0.07])

CHANNELS = ("email", "web", "phone", "chat", "social", "api")
# Rows follow INTENTS, columns CHANNELS.
CHANNEL_MIX = np.array(
    [
        [0.36, 0.24, 0.24, 0.11, 0.04, 0.01],
        [0.30, 0.24, 0.28, 0.10, 0.03, 0.05],
        [0.35, 0.30, 0.10, 0.05, 0.02, 0.18],
        [0.45, 0.20, 0.18, 0.04, 0.12, 0.01],
        [0.45, 0.30, 0.20, 0.05, 0.00, 0.00],
        [0.50, 0.30, 0.15, 0.05, 0.00, 0.00],
        [0.35, 0.35, 0.10, 0.10, 0.10, 0.00],
    ]
)

# Monday .. Sunday. Written channels never close; the hotline works weekdays 8-18,
# the chat Monday to Saturday 8-20.
WEEKDAY_WRITTEN = np.array([1.30, 1.12, 1.04, 1.00, 0.90, 0.48, 0.42])
WEEKDAY_PHONE = np.array([1.40, 1.15, 1.05, 1.00, 0.92, 0.0, 0.0])
WEEKDAY_CHAT = np.array([1.30, 1.10, 1.05, 1.00, 0.95, 0.55, 0.0])
INTRADAY_WRITTEN = np.array(
    [0.15, 0.08, 0.05, 0.04, 0.05, 0.10, 0.25, 0.55, 0.95, 1.35, 1.60, 1.60,
     1.25, 1.40, 1.50, 1.35, 1.15, 0.95, 0.85, 0.85, 0.90, 0.75, 0.50, 0.30]
)  # fmt: skip
INTRADAY_PHONE = np.array(
    [0, 0, 0, 0, 0, 0, 0, 0, 0.80, 1.45, 1.75, 1.60,
     1.05, 1.25, 1.45, 1.25, 1.00, 0.70, 0, 0, 0, 0, 0, 0]
)  # fmt: skip
INTRADAY_CHAT = np.array(
    [0, 0, 0, 0, 0, 0, 0, 0, 0.60, 1.10, 1.40, 1.35,
     1.10, 1.20, 1.30, 1.20, 1.05, 0.95, 0.85, 0.60, 0, 0, 0, 0]
)  # fmt: skip
# channel index -> (weekday profile, intraday profile, closes on public holidays)
_CHANNEL_PROFILES = {
    "email": (WEEKDAY_WRITTEN, INTRADAY_WRITTEN, False),
    "web": (WEEKDAY_WRITTEN, INTRADAY_WRITTEN, False),
    "phone": (WEEKDAY_PHONE, INTRADAY_PHONE, True),
    "chat": (WEEKDAY_CHAT, INTRADAY_CHAT, True),
    "social": (WEEKDAY_WRITTEN, INTRADAY_WRITTEN, False),
    "api": (WEEKDAY_WRITTEN, INTRADAY_WRITTEN, False),
}
HOLIDAY_FACTOR_WRITTEN = 0.55
YEARLY_GROWTH = 0.12


@dataclass(frozen=True)
class Arrivals:
    """Arrival instants (seconds since the epoch, UTC, sorted) with intent and channel."""

    seconds: np.ndarray
    intent: np.ndarray
    channel: np.ndarray
    # Expected arrivals per local day divided by the mean day (how busy the desk is).
    day_load: dict[date, float]

    def __len__(self) -> int:
        return int(self.seconds.size)


def black_friday(year: int) -> date:
    """The day after the fourth Thursday of November."""
    first = date(year, 11, 1)
    first_thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    return first_thursday + timedelta(days=22)


def _in_window(days: pd.DatetimeIndex, start: tuple[int, int], end: tuple[int, int]) -> np.ndarray:
    """Days between two (month, day) marks, inclusive; windows may wrap the year."""
    key = days.month * 100 + days.day
    low, high = start[0] * 100 + start[1], end[0] * 100 + end[1]
    if low <= high:
        return np.asarray((key >= low) & (key <= high))
    return np.asarray((key >= low) | (key <= high))


def season_factors(days: pd.DatetimeIndex) -> np.ndarray:
    """Yearly season per day and intent, shape (days, intents)."""
    factors = np.ones((len(days), len(INTENTS)))
    as_dates = [day.date() for day in days]
    black_fridays = {year: black_friday(year) for year in {day.year for day in as_dates}}
    bf_offset = np.array([(day - black_fridays[day.year]).days for day in as_dates])
    christmas_shopping = (bf_offset >= -7) & _in_window(days, (11, 1), (12, 22))
    black_friday_weekend = (bf_offset >= 0) & (bf_offset <= 2)
    cyber_monday = bf_offset == 3
    after_christmas = _in_window(days, (12, 25), (1, 10))
    returns_after_christmas = _in_window(days, (12, 27), (1, 31))
    summer = _in_window(days, (6, 15), (8, 31))
    january = np.asarray(days.month == 1)
    rules = {
        "question": [(christmas_shopping, 1.35), (black_friday_weekend, 1.8),
                     (cyber_monday, 1.5), (after_christmas, 1.4)],
        "incident": [(christmas_shopping, 1.15), (after_christmas, 1.7)],
        "return": [(summer, 1.35), (returns_after_christmas, 1.8), (christmas_shopping, 1.1)],
        "complaint": [(christmas_shopping, 1.4), (after_christmas, 1.3)],
        "sales_inquiry": [(christmas_shopping, 1.3), (black_friday_weekend, 3.0),
                          (cyber_monday, 2.0), (summer, 0.8)],
        "cancellation": [(january, 1.5), (summer, 0.9)],
        "loyalty": [(christmas_shopping, 1.5), (black_friday_weekend, 2.0)],
    }  # fmt: skip
    for column, intent in enumerate(INTENTS):
        for mask, factor in rules[intent]:
            factors[mask, column] *= factor
    return factors


def hourly_intensity(
    start: datetime, hours: int, closed_dates: Iterable[date]
) -> tuple[pd.DatetimeIndex, np.ndarray]:
    """Relative intensity per UTC hour, intent and channel: shape (hours, intents, channels)."""
    utc_hours = pd.date_range(pd.Timestamp(start).floor("h"), periods=hours, freq="h")
    local = utc_hours.tz_convert("Europe/Berlin")
    local_days = local.normalize().tz_localize(None)
    unique_days, day_index = np.unique(np.asarray(local_days), return_inverse=True)
    season = season_factors(pd.DatetimeIndex(unique_days))[day_index]
    closed = {pd.Timestamp(day) for day in closed_dates}
    is_holiday = np.array([day in closed for day in local_days])
    trend = 1.0 + YEARLY_GROWTH * np.arange(hours) / (365 * 24)
    weekday, hour = np.asarray(local.day_of_week), np.asarray(local.hour)
    intensity = np.empty((hours, len(INTENTS), len(CHANNELS)))
    for column, channel in enumerate(CHANNELS):
        weekday_profile, intraday_profile, closes_on_holidays = _CHANNEL_PROFILES[channel]
        by_hour = weekday_profile[weekday] * intraday_profile[hour] * trend
        holiday = np.where(is_holiday, 0.0 if closes_on_holidays else HOLIDAY_FACTOR_WRITTEN, 1.0)
        intensity[:, :, column] = (
            (by_hour * holiday)[:, None] * season * (INTENT_SHARE * CHANNEL_MIX[:, column])
        )
    return utc_hours, intensity


def generate_arrivals(
    *,
    start: datetime,
    end: datetime,
    expected_total: float,
    closed_dates: Iterable[date],
    rng: np.random.Generator,
) -> Arrivals:
    """Draw arrivals in ``[start, end)`` with ``expected_total`` arrivals on average."""
    hours = int(np.ceil((end - start).total_seconds() / 3600)) + 1
    utc_hours, intensity = hourly_intensity(start, hours, closed_dates)
    hour_starts = utc_hours.as_unit("s").asi8
    expected = intensity * (expected_total / intensity.sum())
    counts = rng.poisson(expected)
    hour_index, intent, channel = np.nonzero(counts)
    repeats = counts[hour_index, intent, channel]
    seconds = np.repeat(hour_starts[hour_index], repeats) + rng.random(repeats.sum()) * 3600
    intent, channel = np.repeat(intent, repeats), np.repeat(channel, repeats)
    keep = (seconds >= start.timestamp()) & (seconds < end.timestamp())
    order = np.argsort(seconds[keep], kind="stable")
    local_days = utc_hours.tz_convert("Europe/Berlin").normalize()
    per_day = pd.Series(expected.sum(axis=(1, 2)), index=local_days).groupby(level=0).sum()
    mean_day = float(per_day.mean()) or 1.0
    # Clipped: the partial first and last day would otherwise look idle.
    day_load = {
        day.date(): min(max(float(value) / mean_day, 0.6), 3.0) for day, value in per_day.items()
    }
    return Arrivals(
        seconds=seconds[keep][order],
        intent=intent[keep][order],
        channel=channel[keep][order],
        day_load=day_load,
    )
