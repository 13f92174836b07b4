"""A greedy shift planner: the baseline the integer programme is measured against.

It is Chvátal's (1979) greedy rule for weighted set covering, as spreadsheet planners
apply it by hand: repeatedly staff the shift that covers the most still-missing
agent-intervals per unit of cost, then drop shifts that turned out redundant. Fast and
simple, but with no guarantee of cost.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np

from tierdesk.workforce.schedule import CoverPlan, CoverStatus, InfeasibleCoverError, build_plan
from tierdesk.workforce.schedule_shifts import (
    DAYS_PER_WEEK,
    FloatArray,
    ShiftColumns,
    ShiftTemplate,
    shift_columns,
    week_requirement,
)

_TOLERANCE = 1e-6


def plan_shifts_greedy(
    required: object,
    templates: Sequence[ShiftTemplate],
    *,
    under_cover_penalty: float | None = None,
    headcount: int | None = None,
    shifts_per_agent: int = 5,
    wrap_week: bool = True,
) -> CoverPlan:
    """Cover a week's requirement greedily; same inputs and result as ``plan_shifts``.

    A shift is added only while it removes under-cover worth more than its cost (with a
    penalty) or while any under-cover remains (without one). Templates' ``min_count`` is
    not enforced; ``max_count`` and the headcount caps are.

    Raises
    ------
    InfeasibleCoverError
        When cover is a hard rule and the greedy rule cannot reach it.
    """
    started = time.perf_counter()
    requirement, grid = week_requirement(required)
    columns = shift_columns(templates, grid, wrap_week=wrap_week)
    counts = _greedy_counts(
        requirement, columns, templates, under_cover_penalty, headcount, shifts_per_agent
    )
    _drop_redundant(requirement, columns, counts)
    plan = build_plan(
        requirement,
        grid,
        templates,
        columns,
        counts,
        status=CoverStatus.HEURISTIC,
        mip_gap=float("nan"),
        under_cover_penalty=under_cover_penalty,
        solve_seconds=time.perf_counter() - started,
    )
    if under_cover_penalty is None and plan.cover.under.any():
        raise InfeasibleCoverError("the greedy planner could not cover every interval")
    return plan


def _greedy_counts(
    requirement: FloatArray,
    columns: ShiftColumns,
    templates: Sequence[ShiftTemplate],
    under_cover_penalty: float | None,
    headcount: int | None,
    shifts_per_agent: int,
) -> np.ndarray:
    coverage_t = columns.coverage.T.tocsr()
    counts = np.zeros(columns.size, dtype=np.int64)
    residual = requirement.copy()
    per_template = np.zeros(len(templates), dtype=np.int64)
    per_day = np.zeros(DAYS_PER_WEEK, dtype=np.int64)
    max_count = np.array([np.inf if t.max_count is None else t.max_count for t in templates])
    week_cap = np.inf if headcount is None else headcount * min(shifts_per_agent, DAYS_PER_WEEK)
    day_cap = np.inf if headcount is None else headcount
    cost = np.maximum(columns.cost, 1e-12)
    while residual.max(initial=0.0) > _TOLERANCE and counts.sum() < week_cap:
        # Gain counts missing agent-intervals a shift would fill (exact when fractions are 1).
        gain = coverage_t @ np.clip(residual, 0.0, 1.0)
        allowed = (per_template[columns.template] < max_count[columns.template]) & (
            per_day[columns.day] < day_cap
        )
        worth = gain > _TOLERANCE
        if under_cover_penalty is not None:
            worth &= gain * under_cover_penalty > columns.cost
        score = np.where(allowed & worth, gain / cost, -np.inf)
        best = int(np.argmax(score))
        if not np.isfinite(score[best]):
            break
        counts[best] += 1
        per_template[columns.template[best]] += 1
        per_day[columns.day[best]] += 1
        column = columns.coverage[:, [best]].toarray().ravel()
        residual -= column
    return counts


def _drop_redundant(requirement: FloatArray, columns: ShiftColumns, counts: np.ndarray) -> None:
    """Remove staffed shifts, dearest first, whose removal leaves no new under-cover."""
    scheduled = columns.coverage @ counts.astype(np.float64)
    for j in np.argsort(-columns.cost, kind="stable"):
        column = columns.coverage[:, [int(j)]].toarray().ravel()
        rows = column > 0
        while counts[j] > 0:
            short_before = np.maximum(requirement[rows] - scheduled[rows], 0.0).sum()
            after = scheduled[rows] - column[rows]
            short_after = np.maximum(requirement[rows] - after, 0.0).sum()
            if short_after > short_before + _TOLERANCE:
                break
            counts[j] -= 1
            scheduled[rows] = after
