"""Benchmark: plan a realistic call-centre week and roster 60 agents onto it.

The requirement comes from real arrivals (a North-American bank, 2003, 5-minute bins):
the mean calls per weekday and half hour become agents with square-root staffing,
``agents = ceil(a + β √a)`` for an offered load of ``a`` Erlangs (Halfin & Whitt 1981),
which stands in here for a full Erlang C solve. The bank opened 07:00–21:00 on weekdays;
the weekend and the night are assumptions stated below, so the week has the shape a
planner meets: two daily peaks, a Monday high, thin weekends and a night skeleton crew.

The integer programme (HiGHS) is compared with the greedy rule spreadsheet planners use
(``plan_shifts_greedy``), measured in the same run on the same candidate shifts.

Run: ``python bench/bench_schedule.py``
"""

from __future__ import annotations

import platform
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import scipy

from tierdesk.workforce.schedule import CoverPlan, plan_shifts
from tierdesk.workforce.schedule_greedy import plan_shifts_greedy
from tierdesk.workforce.schedule_roster import (
    Agent,
    TimeWindow,
    roster_agents,
    shift_instances,
)
from tierdesk.workforce.schedule_shifts import Break, ShiftTemplate, clock, every

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CALLS = DATA / "na_bank_calls_5min_2003.csv"
AHT_SECONDS = 300.0  # assumption: 5 minutes talk and wrap-up per call
BETA = 1.0  # square-root staffing safety factor, roughly 80 % answered in 20 s here
SATURDAY_SHARE, SUNDAY_SHARE = 0.40, 0.25  # assumed weekend volume against a mean weekday
MIP_GAP = 0.01  # stop within 1 % of the optimum, ample for planning
NIGHT_CREW = 2  # assumed agents on duty 21:00–07:00 every night
WEEKDAYS = frozenset(range(5))
WEEKEND = frozenset({5, 6})
ALL_DAYS = frozenset(range(7))


def weekly_calls() -> np.ndarray:
    """Mean calls per half hour for a Monday-to-Sunday week, shape (7, 48)."""
    if not CALLS.exists():
        sys.exit(
            f"bank call data missing: expected at {CALLS} (the shared/ folder beside the repo)"
        )
    series = pd.read_csv(CALLS, parse_dates=["DateTime"], index_col="DateTime")["Calls"]
    half_hours = series.resample("30min").sum(min_count=1).dropna()
    frame = half_hours.to_frame("calls")
    frame["weekday"] = frame.index.day_of_week
    frame["slot"] = frame.index.hour * 2 + frame.index.minute // 30
    profile = frame.groupby(["weekday", "slot"])["calls"].mean().unstack(fill_value=0.0)
    week = np.zeros((7, 48))
    for weekday, row in profile.iterrows():
        week[int(str(weekday)), row.index.to_numpy(dtype=int)] = row.to_numpy()
    mean_weekday = week[:5].mean(axis=0)
    week[5, 16:36] = SATURDAY_SHARE * mean_weekday[16:36]  # Saturday 08:00–18:00
    week[6, 20:32] = SUNDAY_SHARE * mean_weekday[20:32]  # Sunday 10:00–16:00
    return week


def agents_required(calls: np.ndarray) -> np.ndarray:
    """Square-root staffing per half hour plus the night skeleton crew (agents)."""
    load = calls * AHT_SECONDS / 1800.0
    agents = np.where(load > 0, np.ceil(load + BETA * np.sqrt(load)), 0.0)
    night = np.zeros(48, dtype=bool)
    night[:14] = night[42:] = True
    agents[:, night] = np.maximum(agents[:, night], NIGHT_CREW)
    return agents


def templates() -> list[ShiftTemplate]:
    """Ten shift kinds; costs are paid hours with premiums for short, night and weekend."""

    def breaks(length: int, lunch: int) -> tuple[Break, ...]:
        middle = (length - lunch) // 2 // 30 * 30
        return (
            Break(120, 15, paid=True),
            Break(middle, lunch),
            Break(length - 120, 15, paid=True),
        )

    day_starts = every("05:00", "16:00", 30)
    return [
        ShiftTemplate("full_8", day_starts, 510, breaks(510, 30), WEEKDAYS, cost=8.0),
        ShiftTemplate("full_9", day_starts, 570, breaks(570, 30), WEEKDAYS, cost=9.0),
        ShiftTemplate("long_10", day_starts, 645, breaks(645, 45), WEEKDAYS, cost=10.0),
        ShiftTemplate(
            "part_6", every("06:00", "17:00", 30), 360, (Break(180, 15, True),), WEEKDAYS, cost=6.3
        ),
        ShiftTemplate(
            "part_5", every("06:00", "17:30", 30), 300, (Break(150, 15, True),), WEEKDAYS, cost=5.3
        ),
        ShiftTemplate("part_4", every("06:00", "18:00", 30), 240, (), WEEKDAYS, cost=4.4),
        ShiftTemplate("short_3", every("06:00", "19:00", 30), 180, (), WEEKDAYS, cost=3.45),
        ShiftTemplate(
            "night_8", every("19:00", "23:30", 30), 510, breaks(510, 30), ALL_DAYS, cost=10.0
        ),
        ShiftTemplate(
            "weekend_8", every("06:00", "14:00", 30), 510, breaks(510, 30), WEEKEND, cost=12.0
        ),
        ShiftTemplate("weekend_4", every("06:00", "18:00", 30), 240, (), WEEKEND, cost=6.6),
    ]


def describe(name: str, plan: CoverPlan, seconds: float) -> None:
    print(
        f"{name:<14} {seconds:8.3f} s  cost {plan.total_cost:9.1f}  shifts {plan.shift_count:5d}"
        f"  paid {plan.paid_hours:7.1f} h  efficiency {plan.efficiency:6.1%}"
        f"  under-cover {plan.under_cover_agent_hours:5.1f} agent-h"
        f"  status {plan.status.value} gap {plan.mip_gap:.2e}"
    )


def cover_bench(required: np.ndarray, label: str) -> CoverPlan:
    shift_kinds = templates()
    print(f"\n== Covering: {label} ==")
    print(
        f"requirement: peak {required.max():.0f} agents, {required.sum() / 2:.0f} agent-hours, "
        f"{sum(len(t.starts) * len(t.days) for t in shift_kinds)} candidate shifts"
    )
    started = time.perf_counter()
    optimal = plan_shifts(required, shift_kinds, time_limit_seconds=60, mip_gap=MIP_GAP)
    milp_time = time.perf_counter() - started
    greedy_times = []
    for _ in range(3):
        started = time.perf_counter()
        greedy = plan_shifts_greedy(required, shift_kinds)
        greedy_times.append(time.perf_counter() - started)
    greedy_time = min(greedy_times)
    describe("MILP (HiGHS)", optimal, milp_time)
    describe("greedy", greedy, greedy_time)
    print(
        f"greedy cost / MILP cost = {greedy.total_cost / optimal.total_cost:.3f}; "
        f"MILP time / greedy time = {milp_time / greedy_time:.1f} (greedy best of 3)"
    )
    return optimal


def staff(count: int, rng: np.random.Generator) -> list[Agent]:
    """Two thirds full-time (32–40 h), the rest part-time (15–25 h) with fixed windows."""
    agents = []
    for number in range(count):
        if number < count * 2 // 3:
            agents.append(Agent(f"ft{number:02d}", min_hours=32, max_hours=40))
            continue
        kind = rng.choice(["mornings", "afternoons", "weekends+"])
        if kind == "mornings":
            windows = tuple(TimeWindow(d, clock("05:00"), clock("15:00")) for d in range(7))
        elif kind == "afternoons":
            windows = tuple(TimeWindow(d, clock("11:00"), clock("24:00")) for d in range(7))
        else:
            windows = tuple(TimeWindow(d, 0, 2 * 1440) for d in (0, 4, 5, 6))
        agents.append(Agent(f"pt{number:02d}", min_hours=15, max_hours=25, availability=windows))
    return agents


def roster_bench(plan: CoverPlan, agent_count: int) -> None:
    shifts = shift_instances(plan)
    agents = staff(agent_count, np.random.default_rng(2003))
    print(f"\n== Rostering {agent_count} agents onto {len(shifts)} shifts ==")
    started = time.perf_counter()
    roster = roster_agents(shifts, agents, time_limit_seconds=60, mip_gap=MIP_GAP)
    seconds = time.perf_counter() - started
    hours = np.array([entry.paid_hours for entry in roster.hours])
    short = sum(entry.shortfall_hours > 0 for entry in roster.hours)
    print(
        f"roster: {seconds:.2f} s, status {roster.status.value}, gap {roster.mip_gap:.2e}, "
        f"unassigned {len(roster.unassigned)} of {len(shifts)} shifts, "
        f"agents below contract {short} (total {roster.shortfall_hours:.1f} h), "
        f"hours per agent {hours.min():.1f}–{hours.max():.1f} (mean {hours.mean():.1f})"
    )


def main() -> None:
    print(
        f"Python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
        f"pandas {pd.__version__}, {platform.machine()}"
    )
    calls = weekly_calls()
    print(f"bank week: {calls.sum():.0f} calls (mean weekday {calls[:5].sum(axis=1).mean():.0f})")
    cover_bench(agents_required(calls), "whole bank, 7 × 48 half hours")
    # A team taking 9 % of the calls has about 60 agents' worth of shifts to roster.
    team = cover_bench(agents_required(calls * 0.09), "one team (9 % of the calls)")
    paid = team.paid_hours
    agent_count = 60
    mean = paid / agent_count
    print(f"team plan: {paid:.0f} paid hours for {agent_count} agents (mean {mean:.1f} h)")
    roster_bench(team, agent_count)


if __name__ == "__main__":
    main()
