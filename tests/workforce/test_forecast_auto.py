"""``method="auto"`` blends the model with the robust baselines by their back-test."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tierdesk.workforce.forecast import forecast
from tierdesk.workforce.forecast_blend import BLEND_MEMBERS


def _office_hours(weeks: int, seed: int, level_shift: float = 1.0) -> pd.Series:
    stamps = pd.date_range("2024-01-01", periods=weeks * 7 * 24, freq="h")
    stamps = stamps[(stamps.day_of_week < 5) & (stamps.hour >= 9) & (stamps.hour < 17)]
    rate = np.full(len(stamps), 30.0)
    return pd.Series(np.random.default_rng(seed).poisson(rate * level_shift), index=stamps)


def test_auto_is_the_blend_and_reports_its_members_and_weights() -> None:
    result = forecast(_office_hours(10, seed=4), 8, n_origins=3)
    assert result.method == "blend"
    assert set(BLEND_MEMBERS) | {"blend"} <= {r.method for r in result.backtest}
    for step in (1, 2):
        # Members far behind the best get no weight (forecast_blend.BLEND_MARGIN).
        assert set(result.weights[step]) <= set(BLEND_MEMBERS)
        assert abs(sum(result.weights[step].values()) - 1.0) < 1e-9
        assert min(result.weights[step].values()) > 0


def test_blend_forecast_lies_within_its_members() -> None:
    history = _office_hours(12, seed=5)
    blended = forecast(history, 40, n_origins=3).mean
    members = np.array(
        [forecast(history, 40, method=m, n_origins=3).mean.to_numpy() for m in BLEND_MEMBERS]
    )
    tolerance = 1e-9
    assert (blended.to_numpy() >= members.min(axis=0) - tolerance).all()
    assert (blended.to_numpy() <= members.max(axis=0) + tolerance).all()


def test_daily_history_is_blended_too() -> None:
    index = pd.date_range("2024-01-01", periods=6 * 7, freq="D")
    history = pd.Series(np.random.default_rng(5).poisson(200, len(index)), index=index)
    result = forecast(history, 7, n_origins=2, backtest_days=2)
    assert result.method == "blend" and len(result.mean) == 7
    truth_error = np.abs(result.mean.to_numpy() - 200.0) / 200.0
    assert truth_error.mean() < 0.06, truth_error
