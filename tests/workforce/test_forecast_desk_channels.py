"""The desk's own channels: a quiet 24×7 email queue and a weekday phone line, hourly."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tierdesk.workforce.forecast import forecast


def _email_rate(stamps: pd.DatetimeIndex) -> np.ndarray:
    """Tickets per hour, open 24×7: ~4 in office hours, ~0.2 at night, less at weekends."""
    hour = stamps.hour.to_numpy()
    day = np.where(stamps.day_of_week < 5, 1.0, 0.4)
    return day * (0.2 + 3.8 * np.exp(-(((hour - 13) / 3.5) ** 2)))


def test_quiet_24x7_email_is_forecast_near_its_known_intensity() -> None:
    stamps = pd.date_range("2024-01-01", periods=40 * 7 * 24, freq="h")
    counts = np.random.default_rng(5).poisson(_email_rate(stamps)).astype(float)
    result = forecast(pd.Series(counts, index=stamps), 14 * 24, country=None)
    truth = _email_rate(result.mean.index)
    # Night slots stay open (they do get tickets); only a weekend slot with ~0.08
    # tickets an hour may count as closed, so the 336 hours end early on day 15.
    assert (result.mean.index < pd.Timestamp("2024-10-22")).all()
    assert (result.mean >= 0).all() and (result.lower >= 0).all()
    # Daily totals within 12 % of the truth (Poisson noise of ~40 tickets a day: ~13 %
    # per day in history, averaged over the weeks the forecast learns from).
    daily = result.mean.groupby(result.mean.index.normalize()).sum()
    daily_truth = pd.Series(truth, index=result.mean.index)
    daily_truth = daily_truth.groupby(daily_truth.index.normalize()).sum()
    full_days = daily.index[:-1]
    assert float((daily[full_days] / daily_truth[full_days] - 1).abs().max()) < 0.12
    # Per hour: mean absolute error well below the Poisson noise of one hour.
    assert float(np.mean(np.abs(result.mean.to_numpy() - truth))) < 0.35


def test_weekday_phone_line_hourly_closed_hours_are_not_forecast() -> None:
    stamps = pd.date_range("2024-01-01", periods=30 * 7 * 24, freq="h")
    hour = stamps.hour
    open_ = (stamps.day_of_week < 5) & (hour >= 8) & (hour < 18)
    rate = np.where(open_, 12.0, 0.0)
    counts = np.random.default_rng(6).poisson(rate).astype(float)
    result = forecast(pd.Series(counts, index=stamps), 50, country=None)
    index = result.mean.index
    assert ((index.hour >= 8) & (index.hour < 18) & (index.day_of_week < 5)).all()
    assert abs(float(result.mean.mean()) / 12.0 - 1) < 0.05
