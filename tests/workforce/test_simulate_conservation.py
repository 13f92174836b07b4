"""Every contact that arrived is resolved, abandoned, waiting or in service at the end."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tierdesk.workforce.simulate import (
    AgentGroup,
    ArrivalStream,
    DepartmentModel,
    Distribution,
    Routing,
    simulate,
)

INTERVALS = 12


@st.composite
def departments(draw: st.DrawFn) -> DepartmentModel:
    staffing = st.lists(st.integers(0, 4), min_size=INTERVALS, max_size=INTERVALS)
    rates = st.lists(st.floats(0.0, 30.0), min_size=INTERVALS, max_size=INTERVALS)
    streams = tuple(
        ArrivalStream(channel, team, np.array(draw(rates)))
        for channel in ("phone", "chat", "email")
        for team in ("a", "b")
    )
    groups = (
        AgentGroup("L1 a", 1, ("a",), np.array(draw(staffing))),
        AgentGroup("L1 ab", 1, ("a", "b"), np.array(draw(staffing)), ("phone", "email")),
        AgentGroup("L1 b", 1, ("b",), np.array(draw(staffing))),
        AgentGroup("L2", 2, ("a", "b"), np.array(draw(staffing))),
        AgentGroup("L3", 3, ("a", "b"), np.array(draw(staffing))),
    )
    probability = st.floats(0.0, 0.9)
    return DepartmentModel(
        interval_seconds=600.0,
        streams=streams,
        groups=groups,
        handling={
            (level, channel): Distribution.lognormal(150.0 * level, 1.2)
            for level in (1, 2, 3)
            for channel in ("phone", "chat", "email")
        },
        routing=Routing(draw(probability), draw(probability), draw(probability), (0.8, 0.15, 0.05)),
        patience={"phone": Distribution.exponential(120.0), "chat": Distribution.lognormal(300, 1)},
    )


@settings(max_examples=25, deadline=None)
@given(model=departments(), seed=st.integers(0, 2**32 - 1))
def test_contacts_are_conserved(model: DepartmentModel, seed: int) -> None:
    result = simulate(model, seed=seed)
    ends = (
        int(result.resolved_per_level.sum())
        + result.abandoned
        + result.waiting_at_end
        + result.in_service_at_end
    )
    assert ends == result.contacts


@settings(max_examples=25, deadline=None)
@given(model=departments(), seed=st.integers(0, 2**32 - 1))
def test_queue_figures_add_up(model: DepartmentModel, seed: int) -> None:
    result = simulate(model, seed=seed)
    for figures in result.queues + result.teams + result.tiers:
        assert figures.answered + figures.abandoned + figures.waiting_at_end == figures.offered
        assert 0 <= figures.answered_within_target <= figures.answered
        assert figures.resolved <= figures.answered
    for level in (1, 2, 3):
        pooled = [q for q in result.queues if q.level == level]
        if pooled:
            assert result.tier(level).offered == sum(q.offered for q in pooled)
            assert result.tier(level).resolved == result.resolved_per_level[level - 1]
    email_abandoned = sum(q.abandoned for q in result.queues if q.channel == "email")
    assert email_abandoned == 0
