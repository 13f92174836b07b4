"""The FCFS station recursion reproduces the general event loop sample path by sample path."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tierdesk.workforce.simulate import SimulationResult, simulate
from tierdesk.workforce.simulate_presets import single_queue, three_tier_chain


def _figures(result: SimulationResult) -> list[object]:
    out: list[object] = [result.contacts, result.resolved_per_level.tolist(), result.abandoned]
    for q in result.queues:
        out += [q.offered, q.answered, q.answered_within_target, q.abandoned, q.waiting_at_end]
        out += [q.mean_wait_seconds, q.wait_percentiles_seconds.tolist(), q.backlog.tolist()]
    for g in result.groups:
        out.append(np.round(g.busy_seconds, 6).tolist())
    return out


@settings(max_examples=20, deadline=None)
@given(
    agents=st.tuples(st.integers(1, 8), st.integers(1, 4), st.integers(1, 3)),
    load=st.floats(0.5, 1.3),
    escalate=st.tuples(st.floats(0.0, 0.6), st.floats(0.0, 0.6)),
    seed=st.integers(0, 10_000),
)
def test_chain_engines_agree(
    agents: tuple[int, int, int], load: float, escalate: tuple[float, float], seed: int
) -> None:
    model = three_tier_chain(
        arrivals_per_second=load * agents[0] / 120.0,
        agents=agents,
        aht_seconds=(120.0, 200.0, 300.0),
        escalate_l1=escalate[0],
        escalate_l2=escalate[1],
        horizon_seconds=6 * 3600.0,
        interval_seconds=1800.0,
    )
    fast = simulate(model, seed=seed, engine="fcfs")
    assert fast.engine == "fcfs"
    assert _figures(fast) == _figures(simulate(model, seed=seed, engine="events"))


@settings(max_examples=15, deadline=None)
@given(agents=st.integers(1, 12), load=st.floats(0.5, 1.5), seed=st.integers(0, 10_000))
def test_abandonment_engines_agree(agents: int, load: float, seed: int) -> None:
    model = single_queue(
        arrivals_per_second=load * agents / 180.0,
        agents=agents,
        aht_seconds=180.0,
        horizon_seconds=4 * 3600.0,
        patience_seconds=90.0,
    )
    fast = simulate(model, seed=seed)
    assert fast.engine == "fcfs"
    assert _figures(fast) == _figures(simulate(model, seed=seed, engine="events"))


def test_recursion_refused_with_hand_back() -> None:
    model = three_tier_chain(
        arrivals_per_second=0.01,
        agents=(2, 1, 1),
        aht_seconds=(100.0, 100.0, 100.0),
        escalate_l1=0.5,
        escalate_l2=0.5,
        hand_back_l3=0.5,
        horizon_seconds=3600.0,
    )
    assert simulate(model, seed=1).engine == "events"
    with pytest.raises(ValueError, match="not exact"):
        simulate(model, seed=1, engine="fcfs")
