"""Deadline staffing for email/back-office work, on cases checked by hand."""

from __future__ import annotations

import numpy as np
import pytest

from tierdesk.workforce.staffing import deadline_staffing


def test_one_batch_is_spread_over_its_window() -> None:
    # 10 items x 720 s = 2 agent-hours, workable in hours 1-2 (deadline 2 h): 1 agent each hour.
    plan = deadline_staffing([10, 0, 0, 0], 720, 3600, 2)
    assert plan.agents.tolist() == [0, 1, 1, 0]
    assert plan.handled_items.tolist() == pytest.approx([0, 5, 5, 0])
    assert plan.backlog_items.tolist() == pytest.approx([10, 5, 0, 0])


def test_backlog_carries_over_a_closed_night() -> None:
    # Arrives in hour 0, hours 1-3 closed, deadline 5 h: only hours 4 and 5 can work.
    open_hours = [True, False, False, False, True, True]
    plan = deadline_staffing([30, 0, 0, 0, 0, 0], 240, 3600, 5, open_hours)
    # 30 x 240 s = 2 agent-hours over 2 open hours.
    assert plan.agents.tolist() == [0, 0, 0, 0, 1, 1]
    assert plan.backlog_items[1:4].tolist() == [30, 30, 30]
    assert plan.backlog_items[-1] == 0


def test_every_item_meets_its_deadline_on_random_load() -> None:
    rng = np.random.default_rng(3)
    arrivals = rng.poisson(20, 200).astype(float)
    plan = deadline_staffing(arrivals, 300, 1800, 4)  # deadline = 8 intervals
    handled = np.cumsum(plan.handled_items)
    due = np.concatenate([np.zeros(8), np.cumsum(arrivals)])[: arrivals.size]
    assert np.all(handled >= due - 1e-6)
    assert handled[-1] <= arrivals.sum() + 1e-6


def test_impossible_window_is_reported() -> None:
    with pytest.raises(ValueError, match="no open time"):
        deadline_staffing([5, 0, 0], 60, 3600, 1, [True, False, False])
