"""On the real bank series the default blend beats all four baselines, both leads."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tierdesk.workforce.forecast import backtest

SERIES = (
    Path(__file__).resolve().parents[2].parent / "shared" / "data" / "na_bank_calls_5min_2003.csv"
)
BASELINES = ("seasonal_naive", "historical_median", "historical_average", "scaled_average")


def _half_hours() -> pd.Series:
    if not SERIES.exists():
        pytest.fail(f"bank series missing: expected at {SERIES} (shared/ beside the repository)")
    raw = pd.read_csv(SERIES, parse_dates=["DateTime"], index_col="DateTime")["Calls"]
    return raw.groupby(raw.index.floor("30min")).sum().astype(float)


@pytest.mark.parametrize("lead", [1, 8])
def test_blend_beats_every_baseline_at_30_minutes_and_daily(lead: int) -> None:
    series = _half_hours()
    days = series.index.normalize().unique()
    # The bench's evaluation window: the last 28 of its 56 days, to keep the test short.
    first = days[-28]
    origins = [day - pd.Timedelta(days=lead - 1) for day in days[-28:]]
    kwargs = {"origins": origins, "horizon_days": lead, "score_from": first}
    ours = backtest(series, method="blend", **kwargs).at_lead(lead)
    assert ours.n_days == 28
    for baseline in BASELINES:
        theirs = backtest(series, method=baseline, **kwargs).at_lead(lead)
        assert ours.mape < theirs.mape, (baseline, ours, theirs)
        assert ours.daily_mape < theirs.daily_mape, (baseline, ours, theirs)
