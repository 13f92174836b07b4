"""Escalation and hand-back fractions match the routing probabilities given."""

from __future__ import annotations

import math

import numpy as np

from tierdesk.workforce.simulate import (
    AgentGroup,
    ArrivalStream,
    DepartmentModel,
    Distribution,
    Routing,
    simulate,
)

ROUTING = Routing(
    escalate_l1=0.30, escalate_l2=0.25, hand_back_l3=0.40, entry_shares=(0.8, 0.15, 0.05)
)


def _within_binomial(successes: int, trials: int, probability: float) -> bool:
    """True when ``successes`` is within 4.5 binomial standard deviations of the mean."""
    spread = 4.5 * math.sqrt(trials * probability * (1 - probability))
    return abs(successes - trials * probability) <= spread


def test_escalation_fractions_match_routing() -> None:
    n = 48
    model = DepartmentModel(
        interval_seconds=1800.0,
        streams=(ArrivalStream("email", "a", np.full(n, 400.0)),),
        groups=tuple(AgentGroup(f"L{lv}", lv, ("a",), np.full(n, 40)) for lv in (1, 2, 3)),
        handling={(lv, "email"): Distribution.exponential(60.0) for lv in (1, 2, 3)},
        routing=ROUTING,
    )
    result = simulate(model, seed=7)
    up_from_1, up_from_2, back_from_3 = (int(x) for x in result.escalations)
    done_1 = up_from_1 + int(result.resolved_per_level[0])
    done_2 = up_from_2 + int(result.resolved_per_level[1])
    done_3 = back_from_3 + int(result.resolved_per_level[2])
    assert done_1 > 10_000
    assert _within_binomial(up_from_1, done_1, ROUTING.escalate_l1)
    assert _within_binomial(up_from_2, done_2, ROUTING.escalate_l2)
    assert _within_binomial(back_from_3, done_3, ROUTING.hand_back_l3)
    entering_1 = result.tier(1).offered
    assert _within_binomial(entering_1, result.contacts, 0.8)
