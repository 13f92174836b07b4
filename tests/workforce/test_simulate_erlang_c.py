"""The simulator against the exact M/M/c (Erlang C) formulas, within confidence intervals.

Independent replications with fixed seeds; each figure must lie within the 99.9 %
t-interval of the replication means (99.9 % because each file tests several figures), and
the interval must be narrow enough to expose a real bug (a few per cent of the value).
Exact values come from :mod:`tierdesk.workforce.erlang`; the textbook case (Cooper,
*Introduction to Queueing Theory*, 1981, §5.2) is checked there.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from tierdesk.workforce import erlang
from tierdesk.workforce.simulate import simulate
from tierdesk.workforce.simulate_presets import single_queue

AGENTS = 10
AHT = 300.0
TRAFFIC = 8.5  # Erlangs: occupancy 85 %, waits common but the queue is stable
TARGET = 20.0
REPLICATIONS = 10
HORIZON = 800 * 3600.0  # about 80,000 calls per replication
WARMUP = 3 * 3600.0


def _interval(values: list[float]) -> tuple[float, float]:
    """Mean and half-width of the 99.9 % t-interval."""
    sample = np.asarray(values)
    half = stats.t.ppf(0.9995, sample.size - 1) * sample.std(ddof=1) / math.sqrt(sample.size)
    return float(sample.mean()), float(half)


@pytest.fixture(scope="module")
def replications() -> list[tuple[float, float, float]]:
    # The general event loop; the FCFS recursion gives the very same sample paths
    # (test_simulate_engines_agree.py).
    model = single_queue(
        arrivals_per_second=TRAFFIC / AHT,
        agents=AGENTS,
        aht_seconds=AHT,
        horizon_seconds=HORIZON,
        target_seconds=TARGET,
    )
    out = []
    for seed in range(REPLICATIONS):
        tier = simulate(model, seed=seed, warmup_seconds=WARMUP, engine="events").tier(1)
        out.append((tier.probability_of_wait, tier.mean_wait_seconds, tier.service_level))
    return out


def test_probability_of_wait_matches_erlang_c(
    replications: list[tuple[float, float, float]],
) -> None:
    mean, half = _interval([r[0] for r in replications])
    exact = erlang.erlang_c(TRAFFIC, AGENTS)
    assert half < 0.03 * exact
    assert abs(mean - exact) <= half


def test_mean_wait_matches_average_speed_of_answer(
    replications: list[tuple[float, float, float]],
) -> None:
    mean, half = _interval([r[1] for r in replications])
    exact = erlang.average_speed_of_answer(TRAFFIC, AGENTS, AHT)
    assert half < 0.12 * exact
    assert abs(mean - exact) <= half


def test_service_level_matches_erlang_c(replications: list[tuple[float, float, float]]) -> None:
    mean, half = _interval([r[2] for r in replications])
    exact = erlang.service_level(TRAFFIC, AGENTS, AHT, TARGET)
    assert half < 0.02
    assert abs(mean - exact) <= half
