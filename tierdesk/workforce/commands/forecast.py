"""``tierdesk forecast``: forecast arrivals per interval from a CSV history."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import pandas as pd

from tierdesk.workforce.forecast import ForecastInputError, ForecastResult, forecast
from tierdesk.workforce.forecast_models import METHODS

HELP = "Forecast arrivals per interval (with a prediction interval) from a CSV history."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``tierdesk forecast``."""
    parser.add_argument("--arrivals", required=True, type=Path, help="CSV: timestamp, count")
    parser.add_argument("--periods", required=True, type=int, help="future intervals to forecast")
    parser.add_argument("--interval", help="resample to this interval first, e.g. 30min")
    parser.add_argument("--method", default="auto", choices=["auto", *METHODS])
    parser.add_argument("--country", help="public holidays of this country, e.g. DE")
    parser.add_argument("--subdivision", help="state or region of --country, e.g. BY")
    parser.add_argument("--level", type=float, default=0.9, help="interval coverage (0-1)")
    parser.add_argument("--output", type=Path, help="write the forecast to this CSV file")
    parser.add_argument("--backtest", action="store_true", help="print back-test accuracy")


def read_arrivals(path: Path, interval: str | None) -> pd.Series:
    """Read a two-column CSV (timestamp, count); raise ForecastInputError when unusable."""
    try:
        frame = pd.read_csv(path)
    except (OSError, pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as e:
        raise ForecastInputError(f"cannot read {path}: {e}") from e
    if frame.shape[1] < 2 or len(frame) < 2:
        raise ForecastInputError(f"{path}: expected columns timestamp,count and 2+ rows")
    try:
        index = pd.DatetimeIndex(pd.to_datetime(frame.iloc[:, 0], format="ISO8601"))
        counts = pd.to_numeric(frame.iloc[:, 1])
    except (ValueError, TypeError) as e:
        raise ForecastInputError(f"{path}: {e}") from e
    series = pd.Series(counts.to_numpy(dtype=float), index=index, name="arrivals").sort_index()
    if interval:
        try:
            series = series.groupby(series.index.floor(interval)).sum()
        except ValueError as e:
            raise ForecastInputError(f"bad --interval {interval!r}: {e}") from e
    return series


def _holidays(args: argparse.Namespace, history: pd.Series) -> dict[date, str] | None:
    if not args.country:
        return None
    import holidays

    years = range(history.index[0].year, history.index[-1].year + 3)
    try:
        calendar = holidays.country_holidays(args.country, subdiv=args.subdivision, years=years)
    except NotImplementedError as e:
        raise ForecastInputError(f"unknown country or subdivision: {e}") from e
    return {pd.Timestamp(day).date(): str(name) for day, name in calendar.items()}


def _table(result: ForecastResult) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "timestamp": result.mean.index,
            "mean": result.mean.round(2).to_numpy(),
            "lower": result.lower.to_numpy(),
            "upper": result.upper.to_numpy(),
        }
    )


def run(args: argparse.Namespace) -> int:
    """Run the command; 0 on success, 2 on unusable input."""
    try:
        history = read_arrivals(args.arrivals, args.interval)
        result = forecast(
            history,
            args.periods,
            holidays=_holidays(args, history),
            method=args.method,
            level=args.level,
        )
    except ForecastInputError as e:
        print(f"tierdesk forecast: error: {e}", file=sys.stderr)
        return 2
    print(f"method: {result.method}; interval {result.interval}; level {result.level:.0%}")
    if args.backtest:
        for accuracy in result.backtest:
            for row in accuracy.leads:
                print(
                    f"backtest {accuracy.method} lead {row.lead_days} d: MAPE {row.mape:.2f} % "
                    f"WAPE {row.wape:.2f} % MASE {row.mase:.3f} coverage {row.coverage:.2f}"
                )
    table = _table(result)
    if args.output:
        table.to_csv(args.output, index=False)
        print(f"wrote {len(table)} intervals to {args.output}")
    else:
        print(table.to_string(index=False))
    return 0
