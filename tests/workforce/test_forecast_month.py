"""Turn-of-the-month effects: positions counted on the opening pattern, learned from history."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tierdesk.workforce.forecast import forecast
from tierdesk.workforce.forecast_layout import month_position_keys

WEEKDAYS = np.array([True] * 5 + [False] * 2)


def test_positions_count_open_weekdays_not_calendar_days() -> None:
    dates = pd.DatetimeIndex(["2003-08-29", "2003-09-01", "2003-09-02", "2003-09-03", "2003-09-04"])
    keys = month_position_keys(dates, WEEKDAYS)
    # 29 Aug 2003 is the last Friday of August; 1 Sep (Labor Day) is still an open weekday
    # of the pattern, so the day after it is the second open day, not the first.
    assert keys == (
        ("month: last open day",),
        ("month: open day 1",),
        ("month: open day 2",),
        ("month: open day 3",),
        (),
    )
    assert month_position_keys(pd.DatetimeIndex(["2003-11-01"]), WEEKDAYS) == ((),)  # Saturday


def test_a_busy_first_open_day_of_the_month_is_learned_and_forecast() -> None:
    index = pd.bdate_range("2023-01-02", "2023-09-29")
    first_day = np.array(
        [k == ("month: open day 1",) for k in month_position_keys(index, WEEKDAYS)]
    )
    rate = np.where(first_day, 1300.0, 1000.0)
    history = pd.Series(np.random.default_rng(8).poisson(rate).astype(float), index=index)
    result = forecast(history, 10, method="day_profile")
    ratio = result.mean[pd.Timestamp("2023-10-02")] / result.mean[pd.Timestamp("2023-10-05")]
    # Nine occurrences, shrunk by 9 / 9.5: about 1.3 ** (9 / 9.5) = 1.28.
    assert 1.2 < ratio < 1.36, ratio


def test_without_a_month_effect_the_month_turn_is_not_inflated() -> None:
    index = pd.bdate_range("2023-01-02", "2023-09-29")
    history = pd.Series(
        np.random.default_rng(9).poisson(1000.0, len(index)).astype(float), index=index
    )
    result = forecast(history, 10, method="day_profile")
    ratio = result.mean[pd.Timestamp("2023-10-02")] / result.mean[pd.Timestamp("2023-10-05")]
    assert 0.96 < ratio < 1.04, ratio
