"""The back-test reports the Poisson noise floor, which a perfect forecast reaches."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tierdesk.workforce.forecast import backtest
from tierdesk.workforce.forecast_backtest import poisson_relative_deviation


def test_relative_deviation_matches_simulation() -> None:
    rng = np.random.default_rng(0)
    for volume in (0.7, 3.0, 40.0, 900.0):
        draws = rng.poisson(volume, 200_000)
        simulated = float(np.mean(np.abs(draws - volume)) / volume)
        exact = float(poisson_relative_deviation(np.array([volume]))[0])
        assert abs(exact - simulated) < 0.01 * max(simulated, 0.05), (volume, exact, simulated)


def test_a_constant_poisson_series_is_forecast_near_its_floor() -> None:
    index = pd.date_range("2024-01-01", periods=16 * 7, freq="D")
    history = pd.Series(np.random.default_rng(1).poisson(400.0, len(index)), index=index)
    row = backtest(history, method="historical_average", n_origins=14, horizon_days=1).at_lead(1)
    assert 3.0 < row.poisson_mape < 4.5  # sqrt(2 / (pi * 400)) = 4.0 %
    assert row.mape < 1.6 * row.poisson_mape, row
