"""Nobody is served while nobody is on shift; a shift ending mid-contact finishes it."""

from __future__ import annotations

import numpy as np

from tierdesk.workforce.simulate import (
    AgentGroup,
    ArrivalStream,
    DepartmentModel,
    Distribution,
    simulate,
)


def _model(staffing: list[int], rates: list[float], service: Distribution) -> DepartmentModel:
    return DepartmentModel(
        interval_seconds=600.0,
        streams=(
            ArrivalStream("phone", "a", np.array(rates)),
            ArrivalStream("email", "a", np.array(rates)),
        ),
        groups=(AgentGroup("L1", 1, ("a",), np.array(staffing)),),
        handling={(1, c): service for c in ("phone", "email")},
        patience={"phone": Distribution.exponential(60.0)},
    )


def test_no_service_without_agents() -> None:
    result = simulate(_model([0] * 6, [20.0] * 6, Distribution.exponential(100.0)), seed=3)
    assert result.contacts > 50
    assert all(q.answered == 0 for q in result.queues)
    assert result.queue(1, "a", "email").waiting_at_end == result.queue(1, "a", "email").offered
    assert result.queue(1, "a", "phone").abandoned > 0
    assert np.all(result.group("L1").busy_seconds == 0)
    assert np.all(np.isnan(result.group("L1").occupancy))


def test_agent_finishes_the_contact_when_the_shift_ends() -> None:
    # One agent on shift in the first interval only; every contact takes 1,000 s.
    result = simulate(
        _model([1, 0, 0, 0], [3.0, 3.0, 3.0, 3.0], Distribution("deterministic", 1000.0)), seed=5
    )
    busy = result.group("L1").busy_seconds
    assert busy[1] > 0  # still busy after the shift ended
    assert busy.sum() == 1000.0 * sum(q.answered for q in result.queues)
    assert sum(q.answered for q in result.queues) == 1  # but takes no new contact
