"""The forecast recovers a known weekly × intraday pattern from Poisson counts."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tierdesk.workforce.forecast import forecast

WEEKDAY_FACTOR = np.array([1.3, 1.1, 1.0, 0.95, 0.8, 0.0, 0.0])


def _office_rate(index: pd.DatetimeIndex) -> np.ndarray:
    """Calls per 30 minutes: weekdays 08:00-18:00, a morning peak, Monday busiest."""
    hour = index.hour + index.minute / 60
    intraday = (
        20 + 30 * np.exp(-(((hour - 10.5) / 1.5) ** 2)) + 10 * np.exp(-(((hour - 15) / 2) ** 2))
    )
    return np.asarray(WEEKDAY_FACTOR[index.day_of_week] * intraday)


def _office_index(start: str, days: int) -> pd.DatetimeIndex:
    stamps = pd.date_range(start, periods=days * 48, freq="30min")
    open_ = (stamps.day_of_week < 5) & (stamps.hour >= 8) & (stamps.hour < 18)
    return stamps[open_]


def _history(weeks: int = 12, seed: int = 7) -> pd.Series:
    index = _office_index("2024-01-01", weeks * 7)
    rng = np.random.default_rng(seed)
    return pd.Series(rng.poisson(_office_rate(index)).astype(float), index=index)


def test_forecast_follows_the_opening_pattern_and_recovers_the_profile() -> None:
    history = _history()
    result = forecast(history, 100, n_origins=4)
    index = result.mean.index
    assert len(index) == 100
    assert index[0] == pd.Timestamp("2024-03-25 08:00")  # the Monday after the history
    assert (index.day_of_week < 5).all()
    assert ((index.hour >= 8) & (index.hour < 18)).all()
    truth = _office_rate(index)
    mape = float(np.mean(np.abs(result.mean.to_numpy() - truth) / truth))
    assert mape < 0.08, (result.method, mape)


def test_intervals_are_non_negative_and_cover_near_nominal() -> None:
    history = _history(seed=11)
    result = forecast(history, 200, level=0.9, method="day_profile")
    assert (result.lower >= 0).all() and (result.mean >= 0).all()
    assert (result.lower <= result.mean + 1e-9).all() and (result.upper >= result.mean).all()
    rng = np.random.default_rng(3)
    truth = _office_rate(result.mean.index)
    draws = rng.poisson(truth, size=(50, len(truth)))
    inside = (draws >= result.lower.to_numpy()) & (draws <= result.upper.to_numpy())
    assert 0.82 <= inside.mean() <= 0.98, inside.mean()


def test_daily_series_with_trend_is_forecast() -> None:
    index = pd.date_range("2023-01-02", periods=26 * 7, freq="D")
    rate = (200 + 0.5 * np.arange(len(index))) * np.array([1.2, 1, 1, 1, 0.9, 0.5, 0.4])[
        index.day_of_week
    ]
    history = pd.Series(np.random.default_rng(5).poisson(rate).astype(float), index=index)
    result = forecast(history, 14, n_origins=4)
    assert result.interval == pd.Timedelta(days=1)
    future = pd.date_range(index[-1] + pd.Timedelta(days=1), periods=14, freq="D")
    assert result.mean.index.equals(future)
    truth = (200 + 0.5 * np.arange(len(index), len(index) + 14)) * np.array(
        [1.2, 1, 1, 1, 0.9, 0.5, 0.4]
    )[future.day_of_week]
    assert float(np.mean(np.abs(result.mean.to_numpy() - truth) / truth)) < 0.06
    assert result.method == "blend"
    assert result.backtest, "auto must report the back-tests it chose from"
