"""A one-off spike yesterday does not carry into tomorrow's forecast."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tierdesk.workforce.forecast import forecast


def test_yesterdays_spike_is_screened_out_of_the_next_day() -> None:
    index = pd.bdate_range("2024-01-01", periods=26 * 5)
    counts = np.random.default_rng(7).poisson(1000.0, len(index)).astype(float)
    counts[-1] = 3000.0  # an outage elsewhere sent three times the usual calls
    history = pd.Series(counts, index=index)
    tomorrow = forecast(history, 1, method="day_profile", country=None).mean.iloc[0]
    # Without screening half of the +2000 deviation would be kept: about 2000.
    assert 960 < tomorrow < 1100, tomorrow
