"""Forecast accuracy on the real bank call series, against the published baselines.

Run: ``python bench/bench_forecast.py``. The 5-minute series is summed to
30-minute intervals; every method forecasts each of the last 56 days twice, from
an origin at the start of that day (day-ahead, lead 1) and from an origin 7 days
earlier (week-ahead, lead 8), each time from the data before its origin only.
Printed: MAPE per interval and on daily totals, WAPE, MASE, interval coverage,
the ratio of each baseline's MAPE to each model's, and the method that
``forecast(method="auto")`` picks from the data before the first and the last
origin (its own back-test on that data only).
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tierdesk.workforce.forecast import BacktestResult, backtest, forecast

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


def run_auto(series: pd.Series, evaluation_days: int = EVALUATION_DAYS) -> dict[int, LeadScore]:
    """Score ``forecast(method="auto")`` itself, re-chosen at every origin.

    As for the methods: one origin per calendar day from 7 days before the window,
    each forecast from the data before its origin; lead 1 and lead 8 are scored.
    """
    days = series.index.normalize().unique()
    first = days[-evaluation_days]
    per_lead: dict[int, list[pd.DataFrame]] = {1: [], 8: []}
    chosen: dict[str, int] = {}
    started = time.perf_counter()
    for origin in pd.date_range(first - pd.Timedelta(days=7), days[-1], freq="D"):
        result = forecast(series[series.index < origin], 29 * 8, start=origin)
        chosen[result.method] = chosen.get(result.method, 0) + 1
        lead = (result.mean.index.normalize() - origin).days + 1
        for wanted in per_lead:
            mean = result.mean[(lead == wanted) & (result.mean.index.normalize() >= first)]
            actual = series.reindex(mean.index)
            if len(mean) and actual.notna().all():
                per_lead[wanted].append(pd.DataFrame({"actual": actual, "mean": mean}))
    print(f"  auto: {time.perf_counter() - started:.1f} s, chose {chosen}", file=sys.stderr)
    return {lead: _score(pd.concat(frames)) for lead, frames in per_lead.items()}


@dataclass(frozen=True)
class LeadScore:
    """MAPE per interval and of the daily totals (percent), and target days scored."""

    mape: float
    daily_mape: float
    n_days: int


def _score(frame: pd.DataFrame) -> LeadScore:
    positive = frame[frame["actual"] > 0]
    error = (positive["actual"] - positive["mean"]).abs() / positive["actual"]
    daily = frame.groupby(frame.index.normalize())[["actual", "mean"]].sum()
    daily_error = (daily["actual"] - daily["mean"]).abs() / daily["actual"]
    return LeadScore(100 * float(error.mean()), 100 * float(daily_error.mean()), len(daily))


def auto_choices(series: pd.Series, evaluation_days: int = EVALUATION_DAYS) -> None:
    """Print what ``method="auto"`` chooses from the data before two origins."""
    days = series.index.normalize().unique()
    for origin in (days[-evaluation_days] - pd.Timedelta(days=7), days[-1]):
        started = time.perf_counter()
        result = forecast(series[series.index < origin], 29 * 8)
        scores = ", ".join(f"{r.method} {r.wape:.2f} %" for r in result.backtest)
        print(
            f"auto from data before {origin.date()}: {result.method} "
            f"(back-test WAPE {scores}; {time.perf_counter() - started:.1f} s)"
        )


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
    auto = run_auto(series)
    print("\nforecast(method='auto'), method re-chosen by its own back-test at every origin")
    for lead, label in ((1, "day-ahead"), (8, "week-ahead")):
        auto_score = auto[lead]
        print(
            f"auto {label:11s} MAPE30 {auto_score.mape:5.2f}  "
            f"MAPEday {auto_score.daily_mape:5.2f}  days {auto_score.n_days}"
        )
        for baseline in BASELINES:
            base = results[baseline].at_lead(lead)
            print(
                f"{label:11s} auto         vs {baseline:20s} 30-min {base.mape / auto_score.mape:5.3f}"
                f"  daily {base.daily_mape / auto_score.daily_mape:5.3f}"
            )
    print()
    auto_choices(series)


if __name__ == "__main__":
    main()
