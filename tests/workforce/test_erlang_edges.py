"""Edge cases and calling conventions of tierdesk.workforce.erlang."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tierdesk.workforce import erlang


def test_erlang_c_is_exactly_one_when_agents_do_not_exceed_traffic() -> None:
    assert erlang.erlang_c(10.0, 10) == 1.0
    assert erlang.erlang_c(10.5, 3) == 1.0
    assert erlang.service_level(10.0, 10, 240, 20) == 0.0
    assert erlang.average_speed_of_answer(10.0, 10, 240) == math.inf
    assert erlang.occupancy(10.0, 9) == 1.0


def test_zero_traffic_needs_no_agents_and_misses_nothing() -> None:
    assert erlang.required_agents(0.0, 240, 0.8, 20) == 0
    assert erlang.service_level(0.0, 0, 240, 20) == 1.0
    assert erlang.average_speed_of_answer(0.0, 3, 240) == 0.0
    assert erlang.erlang_b(0.0, 2) == 0.0


def test_scalars_give_python_numbers_and_arrays_give_arrays() -> None:
    assert type(erlang.erlang_b(5.0, 7)) is float
    assert type(erlang.required_agents(5.0, 240, 0.8, 20)) is int
    grid = erlang.required_agents(np.array([[1.0, 5.0], [50.0, 0.0]]), 240, 0.8, 20)
    assert isinstance(grid, np.ndarray)
    assert grid.shape == (2, 2)
    assert grid.dtype == np.int64
    assert grid[1, 1] == 0


def test_broadcasts_traffic_against_agents() -> None:
    table = erlang.erlang_c(np.array([[5.0], [10.0]]), np.array([6, 8, 12]))
    assert table.shape == (2, 3)
    assert table[1, 0] == 1.0
    assert table[0, 2] == pytest.approx(erlang.erlang_c(5.0, 12), rel=1e-15)


def test_stable_at_the_extremes_of_traffic() -> None:
    huge = erlang.service_level(100_000.0, np.array([99_999, 100_001, 100_400, 101_000]), 240, 20)
    assert np.all((huge >= 0) & (huge <= 1))
    assert np.all(np.diff(huge) > 0)
    assert erlang.erlang_b(100_000.0, 10) == pytest.approx(1 - 10 / 100_000, rel=1e-3)
    assert erlang.required_agents(0.01, 240, 0.8, 20) == 1
    needed = erlang.required_agents(100_000.0, 240, 0.8, 20)
    assert 100_000 < needed < 100_400


def test_pyworkforce_documented_example() -> None:
    # pyworkforce's README: 100 calls per 30 min, AHT 3 min, 80 % in 20 s,
    # max occupancy 0.85 gives 14 raw positions and 20 after 30 % shrinkage.
    traffic = 100 / 30 * 3
    agents = erlang.required_agents(traffic, 180, 0.8, 20, max_occupancy=0.85)
    assert agents == 14
    assert math.ceil(agents / (1 - 0.3)) == 20
    assert erlang.service_level(traffic, agents, 180, 20) == pytest.approx(0.88835, abs=1e-5)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: erlang.erlang_b(-1.0, 3), "traffic"),
        (lambda: erlang.erlang_b(1.0, 2.5), "agents"),
        (lambda: erlang.service_level(1.0, 2, 0.0, 20), "aht_seconds"),
        (lambda: erlang.required_agents(1.0, 240, 1.0, 20), "target_level"),
        (lambda: erlang.required_agents(1.0, 240, 0.8, 20, max_occupancy=0.0), "max_occupancy"),
    ],
)
def test_rejects_invalid_input(call: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()  # type: ignore[operator]
