"""Erlang B/C against an arbitrary-precision reference (``decimal`` at 60 digits).

The reference uses the textbook recurrence ``1/B(n) = 1 + (n/a) / B(n-1)`` on the
exact binary value of each float input, so it shares no code with the library.
"""

from __future__ import annotations

import math
from decimal import Decimal, localcontext

import numpy as np
import pytest
from scipy.optimize import brentq

from tierdesk.workforce import erlang

PRECISION = 60


def reference_blocking(traffic: float, agents_max: int) -> list[Decimal]:
    with localcontext() as context:
        context.prec = PRECISION
        a = Decimal(traffic)
        inverse = Decimal(1)
        values = [Decimal(1)]
        for k in range(1, agents_max + 1):
            inverse = 1 + inverse * k / a
            values.append(1 / inverse)
        return values


def reference_waiting(traffic: float, agents: int, blocking: Decimal) -> Decimal:
    with localcontext() as context:
        context.prec = PRECISION
        a = Decimal(traffic)
        if agents <= a:
            return Decimal(1)
        return agents * blocking / (agents - a + a * blocking)


def reference_service_level(
    traffic: float, agents: int, blocking: Decimal, aht: float, target: float
) -> Decimal:
    with localcontext() as context:
        context.prec = PRECISION
        a = Decimal(traffic)
        if agents <= a:
            return Decimal(0)
        waiting = reference_waiting(traffic, agents, blocking)
        return 1 - waiting * (-(agents - a) * Decimal(target) / Decimal(aht)).exp()


def reference_required(traffic: float, aht: float, level: float, target: float) -> int:
    with localcontext() as context:
        context.prec = PRECISION
        agents = math.floor(traffic) + 1
        blocking = reference_blocking(traffic, agents)[agents]
        a = Decimal(traffic)
        while reference_service_level(traffic, agents, blocking, aht, target) < Decimal(level):
            agents += 1
            blocking = a * blocking / (agents + a * blocking)
        return agents


TRAFFIC_GRID = [0.01, 0.1, 0.5, 1.0, 2.5, 7.3, 10.0, 33.3, 100.0, 250.7, 1000.0, 3162.3, 10000.0]


def _agent_grid(traffic: float) -> list[int]:
    root = math.sqrt(traffic)
    points = [0, 1, 2, traffic / 2, traffic - 3 * root, traffic, traffic + 1, traffic + root]
    points += [traffic + 2 * root, traffic + 4 * root, traffic + 8 * root, 2 * traffic + 10]
    return sorted({int(p) for p in points if p >= 0})


@pytest.mark.parametrize("traffic", TRAFFIC_GRID)
def test_probabilities_match_reference_to_1e_12(traffic: float) -> None:
    agents = _agent_grid(traffic)
    blocking = reference_blocking(traffic, max(agents))
    for n in agents:
        expected = {
            "B": blocking[n],
            "C": reference_waiting(traffic, n, blocking[n]),
            "SL": reference_service_level(traffic, n, blocking[n], 240.0, 20.0),
        }
        got = {
            "B": erlang.erlang_b(traffic, n),
            "C": erlang.erlang_c(traffic, n),
            "SL": erlang.service_level(traffic, n, 240.0, 20.0),
        }
        for name, value in expected.items():
            assert got[name] == pytest.approx(float(value), rel=1e-12, abs=1e-300), (name, n)


def test_vectorised_call_matches_reference_at_100000_erlangs() -> None:
    traffic = 100_000.0
    agents = np.array([90_000, 99_000, 100_000, 100_300, 100_600, 101_000])
    blocking = reference_blocking(traffic, int(agents.max()))
    got = erlang.erlang_b(traffic, agents)
    expected = [float(blocking[n]) for n in agents]
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-300)


SCENARIOS = [(240.0, 0.8, 20.0), (180.0, 0.9, 15.0), (300.0, 0.5, 0.0), (120.0, 0.99, 60.0)]


@pytest.mark.parametrize(("aht", "level", "target"), SCENARIOS)
def test_required_agents_equal_reference_on_a_grid(aht: float, level: float, target: float) -> None:
    rng = np.random.default_rng(5)
    traffic = np.concatenate([rng.uniform(0.01, 40, 40), rng.uniform(40, 1500, 8), [9876.5]])
    got = erlang.required_agents(traffic, aht, level, target)
    expected = [reference_required(float(a), aht, level, target) for a in traffic]
    assert got.tolist() == expected


@pytest.mark.parametrize(
    ("agents", "aht", "level", "target"),
    [(12, 240.0, 0.8, 20.0), (105, 180.0, 0.9, 15.0), (1030, 300.0, 0.95, 10.0)],
)
def test_required_agents_exact_just_either_side_of_a_threshold(
    agents: int, aht: float, level: float, target: float
) -> None:
    # Traffic at which `agents` gives exactly the target; 1e-9 either side flips the answer.
    def gap(a: float) -> float:
        return float(erlang.service_level(a, agents, aht, target)) - level

    threshold = brentq(gap, agents * 0.5, agents - 1e-6, xtol=1e-14, rtol=1e-15)
    for traffic in (threshold * (1 - 1e-9), threshold * (1 + 1e-9)):
        expected = reference_required(traffic, aht, level, target)
        assert erlang.required_agents(traffic, aht, level, target) == expected
    assert reference_required(threshold * (1 - 1e-9), aht, level, target) == agents
    assert reference_required(threshold * (1 + 1e-9), aht, level, target) == agents + 1


# Erlang B traffic capacity (Erlangs) at 1 % and 2 % blocking, as tabulated in
# R. B. Cooper, "Introduction to Queueing Theory", 2nd ed. (1981), Erlang loss
# table; the same figures appear in ITU-T Recommendation E.501 style tables.
ERLANG_B_TABLE = [(10, 0.01, 4.46), (10, 0.02, 5.08), (20, 0.01, 12.03), (100, 0.01, 84.06)]


@pytest.mark.parametrize(("agents", "blocking", "traffic"), ERLANG_B_TABLE)
def test_erlang_b_reproduces_published_table(agents: int, blocking: float, traffic: float) -> None:
    # The table rounds traffic to 0.01 Erlang: blocking must cross the grade there.
    assert (
        erlang.erlang_b(traffic - 0.005, agents)
        < blocking
        < erlang.erlang_b(traffic + 0.005, agents)
    )
    assert float(reference_blocking(traffic, agents)[agents]) == pytest.approx(
        erlang.erlang_b(traffic, agents), rel=1e-12
    )
