"""Returns to First Level: fractions match the routing, and only owned contacts return."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tierdesk.workforce.simulate import (
    AgentGroup,
    ArrivalStream,
    DepartmentModel,
    Distribution,
    Routing,
    simulate,
)

ROUTING = Routing(
    escalate_l1=0.30,
    escalate_l2=0.20,
    hand_back_l3=0.25,
    entry_shares=(0.8, 0.15, 0.05),
    return_from_l2=0.40,
    return_from_l3=0.30,
    re_escalate_l1=0.5,
)


def _model(routing: Routing, n: int = 48) -> DepartmentModel:
    return DepartmentModel(
        interval_seconds=1800.0,
        streams=(ArrivalStream("email", "a", np.full(n, 400.0)),),
        groups=tuple(AgentGroup(f"L{lv}", lv, ("a",), np.full(n, 40)) for lv in (1, 2, 3)),
        handling={(lv, "email"): Distribution.exponential(60.0) for lv in (1, 2, 3)},
        routing=routing,
    )


def _within_binomial(successes: int, trials: int, probability: float) -> bool:
    spread = 4.5 * math.sqrt(trials * probability * (1 - probability))
    return abs(successes - trials * probability) <= spread


def test_visits_per_contact_match_the_routing_chain() -> None:
    result = simulate(_model(ROUTING), seed=3)
    assert result.engine == "events"  # contacts go back: the FCFS recursion is not exact
    offered = np.array([t.offered for t in result.tiers], dtype=np.float64)
    expected = ROUTING.expected_visits() * result.contacts
    # Visits are sums of dependent counts; 3 % is > 10 standard errors at 19,000 contacts
    # and far below the 20 % change that dropping the returns makes to L1 visits.
    assert offered == pytest.approx(expected, rel=0.03)
    assert result.returns[0] > 0 and result.returns[1] > 0


def test_contacts_entering_above_l1_never_return() -> None:
    routing = Routing(0.3, 0.2, 0.25, (0.0, 0.7, 0.3), return_from_l2=0.8, return_from_l3=0.7)
    result = simulate(_model(routing), seed=4)
    assert result.returns.sum() == 0
    assert result.contacts_reaching_level[0] == 0


def test_returns_from_l2_are_a_share_of_owned_l2_visits() -> None:
    # Only L1 entries, no L3: every L2 visit belongs to a contact that has been at L1.
    routing = Routing(0.4, 0.0, 0.0, (1.0, 0.0, 0.0), return_from_l2=0.35, re_escalate_l1=0.2)
    result = simulate(_model(routing), seed=5)
    l2_done = int(result.returns[0]) + int(result.resolved_per_level[1])
    assert l2_done > 3_000
    assert _within_binomial(int(result.returns[0]), l2_done, 0.35)


def test_loop_for_ever_is_refused() -> None:
    with pytest.raises(ValueError, match="loop for ever"):
        Routing(1.0, 0.0, 0.0, (1.0, 0.0, 0.0), return_from_l2=1.0, re_escalate_l1=1.0)
    with pytest.raises(ValueError, match="must not exceed 1"):
        Routing(0.5, 0.7, 0.0, (1.0, 0.0, 0.0), return_from_l2=0.5)


def test_outcome_times_are_used_for_visits_that_move_on() -> None:
    routing = Routing(0.5, 0.0, 0.0, (1.0, 0.0, 0.0))
    model = DepartmentModel(
        interval_seconds=1800.0,
        streams=(ArrivalStream("email", "a", np.full(8, 50.0)),),
        groups=tuple(AgentGroup(f"L{lv}", lv, ("a",), np.full(8, 200)) for lv in (1, 2, 3)),
        handling={(lv, "email"): Distribution("deterministic", 100.0) for lv in (1, 2, 3)},
        handling_onward={(1, "email"): Distribution("deterministic", 1.0)},
        routing=routing,
    )
    result = simulate(model, seed=6)
    busy = result.group("L1").busy_seconds.sum()
    resolved, escalated = int(result.resolved_per_level[0]), int(result.escalations[0])
    in_service = result.in_service_at_end
    assert escalated > 50
    # No queueing (200 agents): L1 busy time is 100 s per resolved and 1 s per escalated.
    assert busy == pytest.approx(100.0 * resolved + 1.0 * escalated, abs=100.0 * (in_service + 1))
