"""Rostering a plan: contracted hours, availability, skills and unassigned shifts."""

from __future__ import annotations

import numpy as np
import pytest

from tierdesk.workforce.schedule import CoverStatus, plan_shifts
from tierdesk.workforce.schedule_roster import (
    Agent,
    ShiftInstance,
    TimeWindow,
    roster_agents,
    shift_instances,
)
from tierdesk.workforce.schedule_shifts import Break, ShiftTemplate, clock

WEEKDAYS = frozenset(range(5))
# 8.5 hours with an unpaid half hour: 8 paid hours.
DAY = ShiftTemplate(
    "day", starts=(clock("08:00"),), length_minutes=510, breaks=(Break(240, 30),), days=WEEKDAYS
)


def office_plan(agents_needed: int) -> list[ShiftInstance]:
    required = np.zeros((7, 48))
    required[:5, 16:33] = agents_needed
    required[:5, 24] = 0  # the break interval
    plan = plan_shifts(required, [DAY])
    return list(shift_instances(plan))


def test_shift_instances_expand_the_plan_counts() -> None:
    shifts = office_plan(3)
    assert len(shifts) == 15
    assert {s.start_minute for s in shifts} == {d * 1440 + 480 for d in range(5)}
    assert all(s.paid_hours == 8 for s in shifts)


def test_contracted_hours_are_met_when_the_plan_allows_it() -> None:
    agents = [
        Agent("full-1", min_hours=32, max_hours=40),
        Agent("full-2", min_hours=32, max_hours=40),
        Agent("part-1", min_hours=16, max_hours=24),
        Agent("part-2", min_hours=16, max_hours=24),
    ]
    roster = roster_agents(office_plan(3), agents)
    assert roster.status is CoverStatus.OPTIMAL
    assert roster.unassigned == ()
    assert roster.shortfall_hours == 0
    for entry in roster.hours:
        assert entry.min_hours <= entry.paid_hours <= entry.max_hours


def test_too_few_agents_leave_shifts_unassigned_at_full_hours() -> None:
    agents = [Agent("a", max_hours=40), Agent("b", max_hours=40)]
    roster = roster_agents(office_plan(3), agents)
    assert len(roster.unassigned) == 5
    assert [entry.paid_hours for entry in roster.hours] == [40, 40]
    assert [entry.days_worked for entry in roster.hours] == [5, 5]


def test_shortfall_is_reported_when_shifts_run_out() -> None:
    agents = [Agent("a", min_hours=30, max_hours=40), Agent("b", min_hours=30, max_hours=40)]
    roster = roster_agents(office_plan(1), agents)
    assert roster.unassigned == ()
    assert sorted(entry.paid_hours for entry in roster.hours) in ([8, 32], [16, 24])
    assert roster.shortfall_hours == pytest.approx(60 - 40)


def test_availability_and_skills_decide_who_works_what() -> None:
    early = ShiftInstance("early", 0, 0, clock("06:00"), 480, 480)
    late = ShiftInstance("late", 0, 0, clock("14:00"), 480, 480)
    expert_early = ShiftInstance("expert", 1, 1, 1440 + clock("06:00"), 480, 480, skill="tier2")
    expert_day = ShiftInstance("expert", 2, 2, 2880 + clock("09:00"), 480, 480, skill="tier2")
    mornings = tuple(TimeWindow(day, clock("06:00"), clock("14:00")) for day in range(7))
    agents = [
        Agent("morning", max_hours=40, availability=mornings, skills=frozenset({"tier2"})),
        Agent("anytime", max_hours=40),
    ]
    roster = roster_agents([early, late, expert_early, expert_day], agents)
    worked = {(a.agent_id, a.shift) for a in roster.assignments}
    assert ("anytime", late) in worked
    assert ("morning", early) in worked
    assert ("morning", expert_early) in worked
    # Only the morning agent has the skill, and 09:00–17:00 is outside their window.
    assert roster.unassigned == (expert_day,)
