"""``tierdesk simulate``: simulate a three-tier department and print figures per tier."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from tierdesk.workforce.simulate import SimulationResult, simulate
from tierdesk.workforce.simulate_model import DepartmentModel
from tierdesk.workforce.simulate_presets import three_tier_chain

HELP = "Simulate a three-tier (L1 → L2 → L3) department and print service figures per tier."

_COLUMNS = (
    "level", "offered", "answered", "abandoned", "waiting_at_end", "resolved",
    "service_level", "mean_wait_seconds", "p90_wait_seconds", "abandonment_rate",
    "mean_occupancy",
)  # fmt: skip


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``tierdesk simulate``."""
    parser.add_argument(
        "--calibrate-from",
        type=Path,
        metavar="LOG.csv",
        help="estimate routing and times at each level from a tiered log",
    )
    parser.add_argument("--days", type=int, default=7, help="days to simulate (default 7)")
    parser.add_argument(
        "--agents", default="L1=20,L2=8,L3=3", help="agents per level, e.g. L1=20,L2=8,L3=3"
    )
    parser.add_argument(
        "--arrivals-per-hour",
        type=float,
        default=120.0,
        help="contacts arriving per hour at the department (default 120)",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--output",
        type=Path,
        metavar="summary.csv",
        help="also write the figures per tier to this CSV file",
    )
    parser.add_argument("--no-progress", action="store_true", help="hide the progress bar")


def _parse_agents(text: str) -> tuple[int, int, int]:
    counts: dict[str, int] = {}
    for part in text.split(","):
        name, sep, value = part.strip().partition("=")
        name = name.strip().upper()
        if not sep or name not in ("L1", "L2", "L3") or name in counts:
            raise ValueError(f"--agents expects L1=n,L2=n,L3=n, got {text!r}")
        try:
            counts[name] = int(value)
        except ValueError:
            raise ValueError(f"--agents: {value!r} is not a whole number") from None
        if counts[name] < 0:
            raise ValueError(f"--agents: {name} cannot be negative")
    if len(counts) != 3:
        raise ValueError(f"--agents needs L1, L2 and L3, got {text!r}")
    return counts["L1"], counts["L2"], counts["L3"]


def _model(args: argparse.Namespace, agents: tuple[int, int, int]) -> DepartmentModel:
    if args.calibrate_from is not None:
        from tierdesk.workforce.calibrate import calibrate

        calibration = calibrate(args.calibrate_from)
        return calibration.model(
            args.days, agents=agents, arrivals_per_day=args.arrivals_per_hour * 24.0
        )
    return three_tier_chain(
        arrivals_per_second=args.arrivals_per_hour / 3600.0,
        agents=agents,
        aht_seconds=(300.0, 600.0, 1200.0),
        escalate_l1=0.3,
        escalate_l2=0.2,
        horizon_seconds=args.days * 86_400.0,
    )


def _rows(result: SimulationResult) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for tier in result.tiers:
        occupancy = [g.occupancy for g in result.groups if g.level == tier.level]
        mean_occupancy = (
            float(sum(o.mean() for o in occupancy) / len(occupancy)) if occupancy else float("nan")
        )
        rows.append({
            "level": f"L{tier.level}", "offered": tier.offered, "answered": tier.answered,
            "abandoned": tier.abandoned, "waiting_at_end": tier.waiting_at_end,
            "resolved": tier.resolved, "service_level": round(tier.service_level, 4),
            "mean_wait_seconds": round(tier.mean_wait_seconds, 1),
            "p90_wait_seconds": round(tier.wait_percentile(90.0), 1),
            "abandonment_rate": round(tier.abandonment_rate, 4),
            "mean_occupancy": round(mean_occupancy, 4),
        })  # fmt: skip
    return rows


def run(args: argparse.Namespace) -> int:
    """Run the simulation and print (and optionally write) the figures per tier."""
    try:
        if args.days <= 0:
            raise ValueError("--days must be at least 1")
        if args.arrivals_per_hour < 0:
            raise ValueError("--arrivals-per-hour cannot be negative")
        model = _model(args, _parse_agents(args.agents))
        result = simulate(model, seed=args.seed, progress=not args.no_progress)
    except (ValueError, FileNotFoundError) as error:
        print(f"tierdesk simulate: error: {error}", file=sys.stderr)
        return 2
    rows = _rows(result)
    print(
        f"{result.contacts} contacts over {args.days} days; "
        f"resolved per level {result.resolved_per_level.tolist()}"
    )
    print("  ".join(f"{c:>14}" for c in _COLUMNS))
    for row in rows:
        print("  ".join(f"{row[c]!s:>14}" for c in _COLUMNS))
    if args.output is not None:
        with args.output.open("w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=_COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
    return 0
