"""Honest reporting of how the solver finished."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import OptimizeResult

from tierdesk.workforce import schedule
from tierdesk.workforce.schedule import CoverStatus, NoPlanFoundError, plan_shifts
from tierdesk.workforce.schedule_shifts import ShiftTemplate, clock

DAY = ShiftTemplate("day", starts=(clock("08:00"),), length_minutes=480)


def office_hours() -> np.ndarray:
    required = np.zeros((7, 48))
    required[:, 16:32] = 2
    return required


def test_no_time_at_all_raises_instead_of_returning_an_empty_plan() -> None:
    rng = np.random.default_rng(3)
    required = rng.uniform(0, 30, (7, 48))
    templates = [
        ShiftTemplate(f"t{hours}", starts=tuple(range(0, 1440, 30)), length_minutes=hours * 60)
        for hours in (4, 6, 8, 10)
    ]
    with pytest.raises(NoPlanFoundError, match="no plan"):
        plan_shifts(required, templates, time_limit_seconds=0.0)


def test_time_limit_with_an_incumbent_reports_its_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    def stopped_early(objective: np.ndarray, **_: object) -> OptimizeResult:
        x = np.zeros(objective.size)
        x[:7] = 3  # one more shift each day than needed: feasible, not optimal
        return OptimizeResult(status=1, x=x, mip_gap=0.25, message="Time limit reached.")

    monkeypatch.setattr(schedule, "milp", stopped_early)
    plan = plan_shifts(office_hours(), [DAY], time_limit_seconds=1)
    assert plan.status is CoverStatus.TIME_LIMIT
    assert plan.mip_gap == 0.25
    assert plan.shift_count == 21
    assert plan.cover.over.sum() == pytest.approx(7 * 16)


def test_proven_optimum_reports_optimal_and_a_small_gap() -> None:
    plan = plan_shifts(office_hours(), [DAY], mip_gap=1e-6)
    assert plan.status is CoverStatus.OPTIMAL
    assert plan.mip_gap <= 1e-6
    assert plan.shift_count == 14
    assert plan.solve_seconds > 0
