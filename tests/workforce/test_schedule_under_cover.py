"""Under-cover at a penalty, headcount caps and infeasible rules."""

from __future__ import annotations

import numpy as np
import pytest

from tierdesk.workforce.schedule import InfeasibleCoverError, plan_shifts
from tierdesk.workforce.schedule_shifts import ShiftTemplate, clock

EIGHT_AM = ShiftTemplate("day", starts=(clock("08:00"),), length_minutes=480, cost=100)


def office_hours(agents: float) -> np.ndarray:
    required = np.zeros((7, 48))
    required[:, 16:32] = agents
    return required


def test_cheap_penalty_leaves_a_short_peak_uncovered() -> None:
    # One agent for an hour costs 2 agent-intervals × 10 = 20, a shift costs 100.
    required = np.zeros((7, 48))
    required[2, 20:22] = 1
    plan = plan_shifts(required, [EIGHT_AM], under_cover_penalty=10)
    assert plan.shift_count == 0
    assert plan.cover.under.sum() == pytest.approx(2)
    assert plan.under_cover_cost == pytest.approx(20)
    assert plan.under_cover_agent_hours == pytest.approx(1.0)


def test_dear_penalty_staffs_the_shift_instead() -> None:
    required = np.zeros((7, 48))
    required[2, 20:22] = 1
    plan = plan_shifts(required, [EIGHT_AM], under_cover_penalty=60)
    assert plan.shift_count == 1
    assert plan.cover.under.sum() == 0
    assert plan.total_cost == pytest.approx(100)


def test_headcount_below_peak_raises_a_clear_error_without_penalty() -> None:
    with pytest.raises(InfeasibleCoverError, match="headcount of 2"):
        plan_shifts(office_hours(3), [EIGHT_AM], headcount=2)


def test_headcount_below_peak_yields_the_penalty_plan() -> None:
    plan = plan_shifts(
        office_hours(3), [EIGHT_AM], headcount=2, shifts_per_agent=7, under_cover_penalty=50
    )
    assert all(shift.count == 2 for shift in plan.shifts)
    assert plan.shift_count == 14
    # One agent short in each of 16 intervals on 7 days.
    assert plan.cover.under.sum() == pytest.approx(7 * 16)
    assert plan.under_cover_cost == pytest.approx(50 * 7 * 16)
    assert plan.total_cost == pytest.approx(14 * 100 + 50 * 7 * 16)


def test_weekly_shift_cap_of_the_headcount_binds() -> None:
    # Three agents working five shifts each give 15 shifts for 21 needed.
    plan = plan_shifts(
        office_hours(3), [EIGHT_AM], headcount=3, shifts_per_agent=5, under_cover_penalty=50
    )
    assert plan.shift_count == 15
    assert plan.cover.under.sum() == pytest.approx(6 * 16)


def test_interval_no_template_reaches_is_named_in_the_error() -> None:
    required = np.zeros((7, 48))
    required[3, 2] = 1
    with pytest.raises(InfeasibleCoverError, match="day 3 01:00"):
        plan_shifts(required, [EIGHT_AM])


def test_interval_no_template_reaches_is_under_cover_with_a_penalty() -> None:
    required = np.zeros((7, 48))
    required[3, 2] = 1
    plan = plan_shifts(required, [EIGHT_AM], under_cover_penalty=1)
    assert plan.cover.under[3 * 48 + 2] == 1
    assert plan.shift_count == 0
