"""Forecast accuracy on the real bank call series, against the published baselines.

Run: ``python bench/bench_forecast.py``. The 5-minute series is summed to
30-minute intervals; every method forecasts each of the last 56 days twice, from
an origin at the start of that day (day-ahead, lead 1) and from an origin 7 days
earlier (week-ahead, lead 8), each time from the data before its origin only.
Printed: MAPE per interval and on daily totals, WAPE, MASE, interval coverage,
and the ratio of each baseline's MAPE to the best model's.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pandas as pd

from tierdesk.workforce.forecast import BacktestResult, backtest

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SERIES = DATA / "na_bank_calls_5min_2003.csv"
BASELINES = {
    "seasonal_naive": "same weekday last week",
    "historical_median": "median of last 8 same weekdays",
    "historical_average": "mean of last 8 same weekdays",
    "scaled_average": "mean of last 8 same weekdays x last day's level",
}
MODELS = ("day_profile", "ets")
EVALUATION_DAYS = 56


def load_bank_series(path: Path = SERIES) -> pd.Series:
    """Calls per 30 minutes on the bank's open days (07:00-21:00, 21:00 bin kept)."""
    raw = pd.read_csv(path, parse_dates=["DateTime"], index_col="DateTime")["Calls"]
    half_hours = raw.groupby(raw.index.floor("30min")).sum()
    return half_hours.astype(float)


def run(series: pd.Series, evaluation_days: int = EVALUATION_DAYS) -> dict[str, BacktestResult]:
    days = series.index.normalize().unique()
    first = days[-evaluation_days]
    origins = pd.date_range(first - pd.Timedelta(days=7), days[-1], freq="D")
    results = {}
    for method in (*BASELINES, *MODELS):
        started = time.perf_counter()
        results[method] = backtest(
            series, method=method, origins=list(origins), horizon_days=8, score_from=first
        )
        print(f"  {method}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return results


def main() -> None:
    if not SERIES.exists():
        raise SystemExit(f"bank series missing: expected at {SERIES}")
    series = load_bank_series()
    results = run(series)
    days = series.index.normalize().unique()
    print(
        f"Bank calls, 30-min intervals; evaluation {days[-EVALUATION_DAYS].date()} to "
        f"{days[-1].date()} ({EVALUATION_DAYS} days)"
    )
    header = (
        f"{'method':22s} {'horizon':11s} {'MAPE30':>7s} {'MAPEday':>8s} {'WAPE':>6s} "
        f"{'MASE':>6s} {'cover90':>8s}"
    )
    print(header)
    for lead, label in ((1, "day-ahead"), (8, "week-ahead")):
        for method, result in results.items():
            row = result.at_lead(lead)
            print(
                f"{method:22s} {label:11s} {row.mape:7.2f} {row.daily_mape:8.2f} {row.wape:6.2f} "
                f"{row.mase:6.3f} {row.coverage:8.2f}"
            )
    print("\nImprovement ratio = baseline MAPE / model MAPE (> 1: the model is better)")
    for lead, label in ((1, "day-ahead"), (8, "week-ahead")):
        for model in MODELS:
            mine = results[model].at_lead(lead)
            for baseline in BASELINES:
                base = results[baseline].at_lead(lead)
                print(
                    f"{label:11s} {model:12s} vs {baseline:20s} 30-min {base.mape / mine.mape:5.3f}"
                    f"  daily {base.daily_mape / mine.daily_mape:5.3f}"
                )


if __name__ == "__main__":
    main()
