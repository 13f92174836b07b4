"""Holidays and named special days are learned as day effects."""

from __future__ import annotations

import datetime as dt

import holidays
import numpy as np
import pandas as pd

from tierdesk.workforce.forecast import forecast


def _daily(years: int, seed: int) -> tuple[pd.Series, pd.Series]:
    index = pd.date_range("2021-01-04", "2023-12-15", freq="D")[: years * 366]
    rate = 100 * np.array([1.2, 1.1, 1, 1, 0.9, 0.6, 0.5])[index.day_of_week]
    christmas = (index.month == 12) & (index.day == 24)
    rate = np.where(christmas, rate * 3.0, rate)
    counts = np.random.default_rng(seed).poisson(rate).astype(float)
    return pd.Series(counts, index=index), pd.Series(rate, index=index)


def test_christmas_peak_seen_in_two_years_is_forecast_in_the_third() -> None:
    history, _ = _daily(3, seed=2)
    christmases = [dt.date(y, 12, 24) for y in (2021, 2022, 2023)]
    result = forecast(
        history, 14, special_days={"christmas eve": christmases}, method="day_profile"
    )
    peak = result.mean[pd.Timestamp("2023-12-24")]
    week_before = result.mean[pd.Timestamp("2023-12-17")]  # also a Sunday
    assert 2.2 < peak / week_before < 3.6, peak / week_before


def test_closed_public_holiday_is_skipped_and_the_next_day_gets_a_catch_up() -> None:
    index = pd.date_range("2022-01-03", "2024-04-26", freq="B")
    calendar = holidays.country_holidays("DE", subdiv="BY", years=range(2022, 2025))
    closed = np.array([d.date() in calendar for d in index])
    after = np.r_[False, closed[:-1]]
    rate = np.where(after, 150.0, 100.0)
    counts = np.random.default_rng(4).poisson(rate).astype(float)
    history = pd.Series(counts, index=index)[~closed]
    result = forecast(history, 30, holidays=calendar, method="day_profile")
    days = result.mean.index
    assert pd.Timestamp("2024-05-01") not in days  # Labour Day: closed in history
    assert pd.Timestamp("2024-05-09") not in days  # Ascension Day
    ratio = result.mean[pd.Timestamp("2024-05-02")] / result.mean[pd.Timestamp("2024-05-07")]
    assert 1.3 < ratio < 1.7, ratio


def test_a_set_of_dates_is_accepted_as_holidays() -> None:
    history, _ = _daily(2, seed=9)
    holiday = {dt.date(2022, 3, 3)}
    result = forecast(history[:"2022-02-28"], 10, holidays=holiday, method="historical_average")
    assert len(result.mean) == 10
    # Never seen in history, so its effect is unknown and the centre stays open.
    assert pd.Timestamp("2022-03-03") in result.mean.index
