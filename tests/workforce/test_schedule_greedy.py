"""The greedy baseline planner covers the week, drops redundant shifts and respects caps."""

from __future__ import annotations

import numpy as np
import pytest

from tierdesk.workforce.schedule import InfeasibleCoverError
from tierdesk.workforce.schedule_greedy import plan_shifts_greedy
from tierdesk.workforce.schedule_shifts import ShiftTemplate, clock, every


def test_greedy_finds_the_obvious_plan_for_a_constant_requirement() -> None:
    eight = ShiftTemplate("eight", starts=every("00:00", "23:30", 30), length_minutes=480)
    plan = plan_shifts_greedy(np.full((7, 48), 2.0), [eight])
    assert plan.cover.under.sum() == 0
    assert plan.shift_count == 42


def test_greedy_drops_shifts_made_redundant_by_later_picks() -> None:
    required = np.zeros((7, 48))
    required[0, 16:32] = 1
    # The 4-hour shifts score better per cost at first, then the 8-hour one covers all.
    short = ShiftTemplate(
        "short", starts=(clock("08:00"), clock("12:00")), length_minutes=240, cost=4.1
    )
    long = ShiftTemplate("long", starts=(clock("08:00"),), length_minutes=480, cost=8)
    plan = plan_shifts_greedy(required, [short, long])
    assert plan.cover.under.sum() == 0
    assert plan.cover.over.sum() == 0
    assert plan.shift_cost <= 8.2


def test_greedy_respects_max_count_and_headcount() -> None:
    required = np.zeros((7, 48))
    required[:, 16:32] = 3
    day = ShiftTemplate("day", starts=(clock("08:00"),), length_minutes=480, cost=1, max_count=12)
    plan = plan_shifts_greedy(required, [day], headcount=2, under_cover_penalty=10)
    assert plan.shift_count == 10  # two agents × five shifts
    assert all(shift.count <= 2 for shift in plan.shifts)
    with pytest.raises(InfeasibleCoverError):
        plan_shifts_greedy(required, [day])
