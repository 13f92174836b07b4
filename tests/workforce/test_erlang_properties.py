"""Hypothesis properties of the Erlang B/C formulas and of required_agents."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tierdesk.workforce import erlang

traffic_values = st.floats(min_value=0.01, max_value=100_000.0, allow_nan=False)
agent_counts = st.integers(min_value=0, max_value=120_000)


TIE = 1e-12


@settings(max_examples=150, deadline=None)
@given(traffic=traffic_values, agents=agent_counts)
def test_probabilities_in_unit_interval_and_c_at_least_b(traffic: float, agents: int) -> None:
    blocking = erlang.erlang_b(traffic, agents)
    waiting = erlang.erlang_c(traffic, agents)
    level = erlang.service_level(traffic, agents, 240.0, 20.0)
    assert 0.0 <= blocking <= 1.0
    assert 0.0 <= waiting <= 1.0
    assert 0.0 <= level <= 1.0
    assert waiting >= blocking


@settings(max_examples=100, deadline=None)
@given(traffic=traffic_values, offset=st.integers(min_value=-50, max_value=400))
def test_monotone_in_agents(traffic: float, offset: int) -> None:
    agents = np.arange(max(0, int(traffic) + offset), max(0, int(traffic) + offset) + 30)
    blocking = erlang.erlang_b(traffic, agents)
    waiting = erlang.erlang_c(traffic, agents)
    level = erlang.service_level(traffic, agents, 180.0, 30.0)
    # Monotone up to rounding: a service level of 1 - 1e-17 may print as 1.0 then 0.99..9.
    assert np.all(np.diff(blocking) <= 1e-14 * blocking[1:])
    assert np.all(np.diff(waiting) <= 1e-14 * waiting[1:])
    assert np.all(np.diff(level) >= -4e-16)


@settings(max_examples=150, deadline=None)
@given(
    traffic=st.floats(min_value=0.01, max_value=20_000.0),
    aht=st.floats(min_value=10.0, max_value=3600.0),
    level=st.floats(min_value=0.05, max_value=0.999),
    target=st.floats(min_value=0.0, max_value=600.0),
    max_occupancy=st.one_of(st.none(), st.floats(min_value=0.5, max_value=1.0)),
)
def test_required_agents_is_minimal(
    traffic: float, aht: float, level: float, target: float, max_occupancy: float | None
) -> None:
    agents = erlang.required_agents(traffic, aht, level, target, max_occupancy)
    assert isinstance(agents, int)
    # A service level equal to the target up to rounding is a documented tie: either
    # count meets it, so both comparisons allow the last bits of a float.
    assert erlang.service_level(traffic, agents, aht, target) >= level - TIE
    if max_occupancy is not None:
        assert erlang.occupancy(traffic, agents) <= max_occupancy
    fewer = agents - 1
    fails_level = erlang.service_level(traffic, fewer, aht, target) < level + TIE
    fails_occupancy = max_occupancy is not None and (
        fewer == 0 or erlang.occupancy(traffic, fewer) > max_occupancy
    )
    assert fails_level or fails_occupancy


@settings(max_examples=300, deadline=None)
@given(
    traffic=st.floats(min_value=0.001, max_value=1200.0, allow_nan=False),
    aht=st.floats(min_value=10.0, max_value=3600.0),
    level=st.floats(min_value=0.05, max_value=0.99),
    target=st.floats(min_value=0.0, max_value=600.0),
    cap=st.one_of(st.none(), st.floats(min_value=0.3, max_value=1.0)),
)
def test_single_solve_agrees_with_the_vector_path(
    traffic: float, aht: float, level: float, target: float, cap: float | None
) -> None:
    # A single solve takes a plain-Python path; a one-element array takes numpy's.
    single = erlang.required_agents(traffic, aht, level, target, cap)
    vector = int(erlang.required_agents(np.array([traffic]), aht, level, target, cap)[0])
    if single != vector:
        # Only a service level within rounding of the target may tip the answer.
        lower = min(single, vector)
        reached = erlang.service_level(traffic, lower, aht, target)
        assert abs(reached - level) < 1e-9, (single, vector, reached)
    assert type(single) is int
