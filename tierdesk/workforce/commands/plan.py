"""``tierdesk plan``: a staffing table from a CSV of arrivals."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd

from tierdesk.workforce.staffing import Queue, staffing_table

HELP = "Agents, service level, ASA, occupancy and FTE per interval from a CSV of arrivals."

_SERVICE_LEVEL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)\s*$")


class PlanError(ValueError):
    """A problem with the user's input, reported with exit status 2."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--arrivals", required=True, type=Path, help="CSV: first column a timestamp, second a count"
    )
    parser.add_argument("--aht", required=True, type=float, help="handling time, seconds")
    parser.add_argument(
        "--sl", default="80/20", help="service level target as PERCENT/SECONDS, e.g. 80/20"
    )
    parser.add_argument("--channel", choices=["phone", "chat", "email"], default="phone")
    parser.add_argument("--concurrency", type=int, default=1, help="chats per agent")
    parser.add_argument("--patience", type=float, help="mean patience, seconds (Erlang A)")
    parser.add_argument("--max-occupancy", type=float, help="e.g. 0.85")
    parser.add_argument("--shrinkage", type=float, default=0.0, help="fraction, e.g. 0.3")
    parser.add_argument("--deadline-hours", type=float, default=24.0, help="email deadline")
    parser.add_argument("--interval", default="30min", help="interval length, e.g. 30min")
    parser.add_argument("--output", type=Path, help="write CSV here instead of printing")


def _parse_service_level(text: str) -> tuple[float, float]:
    match = _SERVICE_LEVEL.match(text)
    if not match:
        raise PlanError(f"--sl must look like 80/20 (percent/seconds), got {text!r}")
    percent, seconds = float(match.group(1)), float(match.group(2))
    if not 0 < percent < 100:
        raise PlanError("--sl percent must be strictly between 0 and 100")
    return percent / 100.0, seconds


def _queue(args: argparse.Namespace) -> Queue:
    level, seconds = _parse_service_level(args.sl)
    for name in ("aht", "patience", "deadline_hours"):
        value = getattr(args, name)
        if value is not None and value <= 0:
            raise PlanError(f"--{name.replace('_', '-')} must be > 0")
    if args.concurrency < 1:
        raise PlanError("--concurrency must be >= 1")
    if not 0 <= args.shrinkage < 1:
        raise PlanError("--shrinkage must be in [0, 1)")
    if args.max_occupancy is not None and not 0 < args.max_occupancy <= 1:
        raise PlanError("--max-occupancy must be in (0, 1]")
    return Queue(
        aht_seconds=args.aht,
        target_level=level,
        target_seconds=seconds,
        channel=args.channel,
        concurrency=args.concurrency,
        patience_seconds=args.patience,
        max_occupancy=args.max_occupancy,
        deadline_hours=args.deadline_hours,
        shrinkage=args.shrinkage,
    )


def _read_arrivals(path: Path) -> pd.Series:
    if not path.is_file():
        raise PlanError(f"arrivals file not found: {path}")
    frame = pd.read_csv(path)
    if frame.shape[1] < 2:
        raise PlanError(f"{path}: expected two columns, a timestamp and a count")
    try:
        index = pd.DatetimeIndex(pd.to_datetime(frame.iloc[:, 0]))
        counts = pd.to_numeric(frame.iloc[:, 1])
    except (ValueError, TypeError) as error:
        raise PlanError(f"{path}: cannot read timestamps and counts ({error})") from error
    if (counts < 0).any():
        raise PlanError(f"{path}: counts must be >= 0")
    return pd.Series(counts.to_numpy(dtype=float), index=index).sort_index()


def _interval(text: str) -> pd.Timedelta:
    try:
        step = pd.Timedelta(text)
    except ValueError as error:
        raise PlanError(f"--interval: cannot read {text!r} (try 30min, 15min, 1h)") from error
    if step <= pd.Timedelta(0):
        raise PlanError("--interval must be positive")
    return step


def run(args: argparse.Namespace) -> int:
    try:
        queue = _queue(args)
        step = _interval(args.interval)
        table = staffing_table(_read_arrivals(args.arrivals), queue, interval=step)
    except PlanError as error:
        print(f"tierdesk plan: error: {error}", file=sys.stderr)
        return 2
    except ValueError as error:  # raised by the maths for inputs it cannot plan
        print(f"tierdesk plan: error: {error}", file=sys.stderr)
        return 2
    frame = table.to_frame()
    if args.output is not None:
        frame.to_csv(args.output, index_label="interval_start")
        print(f"wrote {len(frame)} intervals to {args.output}")
        return 0
    columns = [c for c in frame.columns if not frame[c].isna().all()]
    with pd.option_context("display.max_rows", 200, "display.width", 120):
        print(frame[columns].round(3).to_string(max_rows=200))
    print(
        f"\npeak agents {int(frame['agents'].max())}, peak FTE {frame['fte'].max():.1f}, "
        f"paid hours {frame['fte'].sum() * step.total_seconds() / 3600:.1f}"
    )
    return 0
