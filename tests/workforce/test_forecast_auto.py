"""``method="auto"`` back-tests ETS on daily series but not on long intraday ones."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tierdesk.workforce.forecast import ETS_AUTO_MAX_WEEKS, forecast


def test_long_intraday_history_leaves_ets_out_of_auto() -> None:
    stamps = pd.date_range("2024-01-01", periods=(ETS_AUTO_MAX_WEEKS + 2) * 7 * 24, freq="h")
    stamps = stamps[(stamps.day_of_week < 5) & (stamps.hour >= 9) & (stamps.hour < 17)]
    history = pd.Series(np.random.default_rng(4).poisson(30, len(stamps)), index=stamps)
    result = forecast(history, 8, n_origins=3)
    tested = {r.method for r in result.backtest}
    assert "ets" not in tested
    assert {"seasonal_naive", "historical_average", "day_profile"} <= tested


def test_daily_history_keeps_ets_in_auto() -> None:
    index = pd.date_range("2024-01-01", periods=6 * 7, freq="D")
    history = pd.Series(np.random.default_rng(5).poisson(200, len(index)), index=index)
    result = forecast(history, 7, n_origins=2, backtest_days=2)
    assert "ets" in {r.method for r in result.backtest}
