"""Stated opening hours: zero-filled grids, short days and closed days."""

from __future__ import annotations

from datetime import date, time

import numpy as np
import pandas as pd

from tierdesk.workforce.forecast import OpeningHours, forecast


def _phone_rate(stamps: pd.DatetimeIndex) -> np.ndarray:
    """Calls per half hour: weekdays 08:00-18:00 only, 12 at peak."""
    hour = stamps.hour + stamps.minute / 60
    open_ = (stamps.day_of_week < 5) & (hour >= 8) & (hour < 18)
    return np.where(open_, 6 + 6 * np.exp(-(((hour - 11) / 2) ** 2)), 0.0)


def _zero_filled(weeks: int, seed: int) -> pd.Series:
    stamps = pd.date_range("2024-01-01", periods=weeks * 7 * 48, freq="30min")
    counts = np.random.default_rng(seed).poisson(_phone_rate(stamps)).astype(float)
    return pd.Series(counts, index=stamps)


def test_a_zero_filled_grid_is_not_read_as_open_around_the_clock() -> None:
    result = forecast(_zero_filled(16, seed=1), 200, country=None)
    index = result.mean.index
    assert (index.day_of_week < 5).all()
    assert ((index.hour >= 8) & (index.hour < 18)).all()
    truth = _phone_rate(index)
    assert float(np.mean(np.abs(result.mean.to_numpy() - truth)) / truth.mean()) < 0.12


def test_stated_hours_skip_closed_days_and_shorten_short_days() -> None:
    history = _zero_filled(16, seed=2)
    last = history.index[-1].normalize()
    short, closed = (last + pd.Timedelta(days=2)).date(), (last + pd.Timedelta(days=3)).date()
    hours = OpeningHours.weekdays(
        time(8),
        time(18),
        short_days={short: ((time(8), time(12)),)},
        closed_days=[closed],
    )
    result = forecast(history, 20 * 8, opening_hours=hours, country=None)
    days = result.mean.index.normalize()
    assert pd.Timestamp(closed) not in days
    on_short = result.mean.index[days == pd.Timestamp(short)]
    assert len(on_short) == 8 and (on_short.hour < 12).all()
    assert (result.mean >= 0).all() and (result.lower >= 0).all()


def test_stated_hours_drop_stray_data_outside_them() -> None:
    history = _zero_filled(12, seed=3)
    night = history.index[(history.index.hour == 3) & (history.index.day_of_week == 2)]
    history[night] = 5.0  # a test call every Wednesday at 03:00
    hours = OpeningHours.weekdays(time(8), time(18))
    result = forecast(history, 100, opening_hours=hours, country=None)
    assert ((result.mean.index.hour >= 8) & (result.mean.index.hour < 18)).all()


def test_a_monday_to_saturday_week_is_taken_as_given() -> None:
    history = _zero_filled(10, seed=4)
    hours = OpeningHours.weekdays(time(8), time(18), days=range(6))
    result = forecast(history, 20 * 7, opening_hours=hours, country=None)
    saturdays = result.mean[result.mean.index.day_of_week == 5]
    assert len(saturdays) == 20
    # Closed in history (no data), so nothing to learn from: a forecast near zero.
    assert saturdays.mean() < 1.0
    assert date(2024, 3, 11).weekday() == 0
