"""Properties of shift plans on random small weeks, checked by an independent recount."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tierdesk.workforce.schedule import CoverPlan, plan_shifts
from tierdesk.workforce.schedule_greedy import plan_shifts_greedy
from tierdesk.workforce.schedule_shifts import Break, ShiftTemplate

WEEK_MINUTES = 7 * 1440
INTERVAL = 60  # hourly grid keeps each example fast


@st.composite
def templates(draw: st.DrawFn, number: int) -> ShiftTemplate:
    length = draw(st.integers(8, 40)) * 15
    breaks: tuple[Break, ...] = ()
    if draw(st.booleans()) and length >= 240:
        offset = draw(st.integers(4, length // 15 - 4)) * 15
        breaks = (Break(offset, draw(st.sampled_from([15, 30, 45])), paid=draw(st.booleans())),)
    starts = draw(st.lists(st.integers(0, 95).map(lambda q: q * 15), min_size=1, max_size=6))
    days = draw(st.frozensets(st.integers(0, 6), min_size=1))
    return ShiftTemplate(
        f"t{number}",
        starts=tuple(starts),
        length_minutes=length,
        breaks=breaks,
        days=days,
        cost=draw(st.floats(1, 20)),
    )


@st.composite
def weeks(draw: st.DrawFn) -> tuple[np.ndarray, list[ShiftTemplate], float]:
    count = draw(st.integers(1, 3))
    chosen = [draw(templates(number)) for number in range(count)]
    values = draw(st.lists(st.integers(0, 4), min_size=7 * 24, max_size=7 * 24))
    penalty = draw(st.floats(0.5, 30))
    return np.array(values, dtype=float), chosen, penalty


def recount(plan: CoverPlan) -> np.ndarray:
    """Agents on the floor per interval, minute by minute from the templates."""
    minutes = np.zeros(WEEK_MINUTES)
    by_name = {t.name: t for t in plan.templates}
    for shift in plan.shifts:
        template = by_name[shift.template]
        start = shift.day * 1440 + shift.start_minute
        for minute in range(template.length_minutes):
            on_break = any(
                b.offset_minutes <= minute < b.offset_minutes + b.duration_minutes
                for b in template.breaks
            )
            if not on_break:
                minutes[(start + minute) % WEEK_MINUTES] += shift.count
    return minutes.reshape(-1, INTERVAL).mean(axis=1)


@settings(max_examples=25, deadline=None)
@given(weeks())
def test_reported_cover_and_cost_match_an_independent_recount(
    case: tuple[np.ndarray, list[ShiftTemplate], float],
) -> None:
    required, chosen, penalty = case
    plan = plan_shifts(required, chosen, under_cover_penalty=penalty)
    scheduled = recount(plan)
    np.testing.assert_allclose(plan.cover.scheduled, scheduled, atol=1e-9)
    under = np.maximum(required - scheduled, 0)
    np.testing.assert_allclose(plan.cover.under, under, atol=1e-6)
    np.testing.assert_allclose(plan.cover.over, np.maximum(scheduled - required, 0), atol=1e-9)
    by_name = {t.name: t for t in chosen}
    shift_cost = sum(s.count * by_name[s.template].shift_cost for s in plan.shifts)
    assert plan.total_cost == pytest.approx(shift_cost + penalty * under.sum(), abs=1e-6)
    assert all(by_name[s.template].days >= {s.weekday} for s in plan.shifts)


@settings(max_examples=15, deadline=None)
@given(weeks())
def test_integer_programme_never_costs_more_than_the_greedy_plan(
    case: tuple[np.ndarray, list[ShiftTemplate], float],
) -> None:
    required, chosen, penalty = case
    optimal = plan_shifts(required, chosen, under_cover_penalty=penalty, mip_gap=0)
    greedy = plan_shifts_greedy(required, chosen, under_cover_penalty=penalty)
    assert optimal.total_cost <= greedy.total_cost + 1e-6
