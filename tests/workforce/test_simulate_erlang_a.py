"""The simulator against the exact M/M/c+M (Erlang A, Palm) formulas, within confidence intervals.

Independent replications with fixed seeds; the exact abandonment probability and service
level (answered within target over all offered, abandoned counting against) must lie in
the 99.9 % t-interval of the replication means (99.9 % because each file tests several
figures), and the interval must be narrow. Exact values come from
:mod:`tierdesk.workforce.erlang_a` (Garnett, Mandelbaum & Reiman, 2002).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from tierdesk.workforce import erlang_a
from tierdesk.workforce.simulate import simulate
from tierdesk.workforce.simulate_presets import single_queue

AGENTS = 10
AHT = 300.0
TRAFFIC = 10.0  # Erlangs: as many as agents, so abandonment is what keeps the queue stable
PATIENCE = 180.0
TARGET = 20.0
REPLICATIONS = 10
HORIZON = 600 * 3600.0
WARMUP = 3 * 3600.0


def _interval(values: list[float]) -> tuple[float, float]:
    """Mean and half-width of the 99.9 % t-interval."""
    sample = np.asarray(values)
    half = stats.t.ppf(0.9995, sample.size - 1) * sample.std(ddof=1) / math.sqrt(sample.size)
    return float(sample.mean()), float(half)


@pytest.fixture(scope="module")
def replications() -> list[tuple[float, float]]:
    model = single_queue(
        arrivals_per_second=TRAFFIC / AHT,
        agents=AGENTS,
        aht_seconds=AHT,
        horizon_seconds=HORIZON,
        patience_seconds=PATIENCE,
        target_seconds=TARGET,
    )
    out = []
    for seed in range(100, 100 + REPLICATIONS):
        tier = simulate(model, seed=seed, warmup_seconds=WARMUP, engine="events").tier(1)
        out.append((tier.abandonment_rate, tier.service_level))
    return out


def test_abandonment_matches_erlang_a(replications: list[tuple[float, float]]) -> None:
    mean, half = _interval([r[0] for r in replications])
    exact = erlang_a.abandonment_probability(TRAFFIC, AGENTS, AHT, PATIENCE)
    assert half < 0.05 * exact
    assert abs(mean - exact) <= half


def test_service_level_matches_erlang_a(replications: list[tuple[float, float]]) -> None:
    mean, half = _interval([r[1] for r in replications])
    exact = erlang_a.service_level(TRAFFIC, AGENTS, AHT, PATIENCE, TARGET)
    assert half < 0.02
    assert abs(mean - exact) <= half
