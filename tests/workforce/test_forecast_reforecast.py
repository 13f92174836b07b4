"""Same-day re-forecast: a busy morning raises the rest of the day, a normal one does not."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tierdesk.workforce.forecast import forecast


def _history(morning_factor: float, seed: int) -> tuple[pd.Series, pd.Timestamp]:
    stamps = pd.date_range("2024-01-01", periods=12 * 7 * 48, freq="30min")
    stamps = stamps[(stamps.day_of_week < 5) & (stamps.hour >= 8) & (stamps.hour < 18)]
    rate = np.full(len(stamps), 40.0)
    last_day = stamps[-1].normalize()
    today = stamps.normalize() == last_day
    rate[today] *= morning_factor
    counts = np.random.default_rng(seed).poisson(rate).astype(float)
    noon = last_day + pd.Timedelta(hours=12)
    return pd.Series(counts, index=stamps)[stamps < noon], noon


def test_a_busy_morning_raises_the_afternoon() -> None:
    history, noon = _history(1.5, seed=1)
    result = forecast(history, 12, country=None)
    plain = forecast(history, 12, country=None, reforecast=False)
    assert result.mean.index[0] == noon
    assert 1.3 < result.reforecast_factor < 1.55, result.reforecast_factor
    assert (result.mean > plain.mean * 1.25).all()


def test_an_ordinary_morning_leaves_the_day_alone() -> None:
    history, _ = _history(1.0, seed=2)
    result = forecast(history, 12, country=None)
    assert 0.93 < result.reforecast_factor < 1.07, result.reforecast_factor


def test_a_forecast_for_tomorrow_is_not_scaled_by_this_morning() -> None:
    history, noon = _history(1.5, seed=3)
    tomorrow = noon.normalize() + pd.Timedelta(days=1, hours=8)
    result = forecast(history, 12, country=None, start=tomorrow)
    assert result.mean.index[0] >= tomorrow  # the next open day after this one
    assert result.reforecast_factor == 1.0
