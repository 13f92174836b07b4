"""Email left at the end of the day waits over night and is worked the next morning."""

from __future__ import annotations

import numpy as np

from tierdesk.workforce.simulate import (
    AgentGroup,
    ArrivalStream,
    DepartmentModel,
    Distribution,
    simulate,
)

HOURS = 48  # two days of hourly intervals


def test_email_backlog_is_carried_over_night() -> None:
    hour = np.arange(HOURS) % 24
    day = (hour >= 8) & (hour < 18)
    # 60 emails an hour during the day against 2 agents clearing 24 an hour.
    rates = np.where(day, 60.0, 0.0)
    model = DepartmentModel(
        interval_seconds=3600.0,
        streams=(ArrivalStream("email", "a", rates),),
        groups=(AgentGroup("L1", 1, ("a",), np.where(day, 2, 0)),),
        handling={(1, "email"): Distribution.exponential(300.0)},
    )
    result = simulate(model, seed=11)
    backlog = result.queue(1, "a", "email").backlog
    evening, morning = 18 - 1, 24 + 8 - 1  # intervals ending at 18:00 and 08:00 next day
    assert backlog[evening] > 200
    # Nobody works and nobody gives up over night: the backlog is exactly carried.
    assert np.all(backlog[evening : morning + 1] == backlog[evening])
    assert backlog[morning + 1] < backlog[morning] + 60  # worked again once agents return
    first_day_emails = int(rates[:24].sum())
    assert result.queue(1, "a", "email").abandoned == 0
    assert result.queue(1, "a", "email").answered > 2 * 10 * 3600 / 300 * 0.8
    assert result.queue(1, "a", "email").waiting_at_end > first_day_emails * 0.5
