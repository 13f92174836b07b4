"""Erlang A (M/M/n+M) against an independent numerical solution and its limits.

The reference solves the birth-death chain truncated at n + 400 states and, for
the service level, follows a tagged caller through an absorbing Markov chain
(scipy.linalg.expm): it uses none of the closed-form gamma expressions.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.linalg import expm

from tierdesk.workforce import erlang, erlang_a


def chain_reference(
    traffic: float, agents: int, aht: float, patience: float, target: float, extra: int = 400
) -> tuple[float, float]:
    service, abandon, arrival = 1 / aht, 1 / patience, traffic / aht
    log_weights = [0.0]
    for k in range(1, agents + extra + 1):
        death = min(k, agents) * service + max(k - agents, 0) * abandon
        log_weights.append(log_weights[-1] + math.log(arrival / death))
    weights = np.exp(np.array(log_weights) - max(log_weights))
    weights /= weights.sum()
    # Tagged caller with m callers ahead (m < extra); absorbing: served, abandoned.
    served, gone = extra, extra + 1
    generator = np.zeros((extra + 2, extra + 2))
    for m in range(extra):
        progress = agents * service + m * abandon
        generator[m, served if m == 0 else m - 1] += progress
        generator[m, gone] += abandon
        generator[m, m] -= progress + abandon
    within = expm(generator * target)[:, served] if target > 0 else np.zeros(extra + 2)
    level = weights[:agents].sum() + float(weights[agents : agents + extra] @ within[:extra])
    queue_length = float(np.arange(extra + 1) @ weights[agents:])
    return level, abandon * queue_length / arrival


CASES = [
    (10.0, 11, 240.0, 120.0, 20.0),
    (10.0, 8, 240.0, 120.0, 20.0),
    (50.0, 52, 180.0, 300.0, 30.0),
    (5.0, 3, 300.0, 60.0, 10.0),
    (100.0, 110, 240.0, 600.0, 20.0),
    (2.0, 3, 200.0, 30.0, 0.0),
]


@pytest.mark.parametrize(("traffic", "agents", "aht", "patience", "target"), CASES)
def test_matches_truncated_birth_death_chain(
    traffic: float, agents: int, aht: float, patience: float, target: float
) -> None:
    level, abandonment = chain_reference(traffic, agents, aht, patience, target)
    assert erlang_a.service_level(traffic, agents, aht, patience, target) == pytest.approx(
        level, rel=1e-10
    )
    assert erlang_a.abandonment_probability(traffic, agents, aht, patience) == pytest.approx(
        abandonment, rel=1e-10
    )
    assert erlang_a.average_speed_of_answer(traffic, agents, aht, patience) == pytest.approx(
        abandonment * patience, rel=1e-10
    )


def test_infinite_patience_tends_to_erlang_c() -> None:
    erlang_c_level = erlang.service_level(10.0, 12, 240, 20)
    gaps = [
        abs(erlang_a.service_level(10.0, 12, 240, patience, 20) - erlang_c_level)
        for patience in (1e3, 1e5, 1e7, 1e9)
    ]
    assert gaps == sorted(gaps, reverse=True)
    assert gaps[-1] < 1e-6
    large = erlang_a.service_level(3000.0, 3050, 240, 1e9, 20)
    assert large == pytest.approx(erlang.service_level(3000.0, 3050, 240, 20), abs=1e-5)


def test_zero_patience_tends_to_erlang_b_loss() -> None:
    blocking = erlang.erlang_b(10.0, 12)
    abandonment = erlang_a.abandonment_probability(10.0, 12, 240, 1e-4)
    assert abandonment == pytest.approx(blocking, rel=1e-4)
    assert erlang_a.service_level(10.0, 12, 240, 1e-4, 20) == pytest.approx(1 - blocking, rel=1e-5)


def test_stable_when_agents_do_not_exceed_traffic() -> None:
    level = erlang_a.service_level(5000.0, 3000, 240, 600, 2000)
    assert 0 < level <= 1
    # Fluid limit: in overload the agents answer about n/a of the callers.
    assert erlang_a.abandonment_probability(5000.0, 3000, 240, 600) == pytest.approx(0.4, rel=1e-3)


def test_required_agents_is_minimal_and_vectorised() -> None:
    traffic = np.array([0.0, 0.5, 10.0, 100.0, 1000.0])
    agents = erlang_a.required_agents(traffic, 240, 120, 0.8, 20)
    assert agents[0] == 0
    for a, n in zip(traffic[1:], agents[1:], strict=True):
        assert erlang_a.service_level(a, n, 240, 120, 20) >= 0.8
        assert erlang_a.service_level(a, n - 1, 240, 120, 20) < 0.8
    # Impatient callers who hang up free the agents: fewer are needed than Erlang C says.
    assert agents[-1] < erlang.required_agents(1000.0, 240, 0.8, 20)
