"""Back-test metrics and negative-binomial intervals."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from tierdesk.workforce.forecast import backtest
from tierdesk.workforce.forecast_backtest import estimate_dispersion, nb_interval


def _weekly(days: int = 10 * 7, seed: int = 1) -> pd.Series:
    index = pd.date_range("2024-01-01", periods=days, freq="D")
    rate = 300 * np.array([1.4, 1.2, 1, 1, 0.9, 0.5, 0.3])[index.day_of_week]
    return pd.Series(np.random.default_rng(seed).poisson(rate).astype(float), index=index)


def test_backtest_reports_each_lead_with_errors_near_the_poisson_floor() -> None:
    result = backtest(_weekly(), method="historical_average", n_origins=10, horizon_days=7)
    assert [row.lead_days for row in result.leads] == list(range(1, 8))
    for row in result.leads:
        # Poisson noise of ~300 calls/day gives ~5 % MAPE; a wrong weekday would give 20 %+.
        assert 1.0 < row.mape < 9.0, row
        assert row.mase < 1.2, row
        assert row.wape <= row.mape * 1.5
    assert set(result.forecasts.columns) >= {"origin", "timestamp", "actual", "mean", "lower"}


def test_seasonal_naive_has_mase_near_one() -> None:
    result = backtest(_weekly(seed=3), method="seasonal_naive", n_origins=10, horizon_days=7)
    assert 0.6 < result.at_lead(1).mase < 1.5


def test_dispersion_is_zero_for_poisson_and_positive_for_extra_noise() -> None:
    rng = np.random.default_rng(0)
    mean = np.full(20_000, 50.0)
    assert estimate_dispersion(rng.poisson(mean).astype(float), mean) < 0.005
    noisy = rng.poisson(mean * rng.gamma(10, 0.1, mean.size)).astype(float)
    assert 0.07 < estimate_dispersion(noisy, mean) < 0.13  # gamma shape 10: dispersion 0.1


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(0, 5000), min_size=1, max_size=20),
    st.floats(0, 2),
    st.floats(0.5, 0.99),
)
def test_nb_interval_is_ordered_and_non_negative(
    means: list[float], dispersion: float, level: float
) -> None:
    mean = np.array(means)
    lower, upper = nb_interval(mean, dispersion, level)
    assert (lower >= 0).all() and (upper >= lower).all()
    assert (lower <= np.ceil(mean) + 1).all()
