"""Every roster obeys every working-time rule, checked by an independent checker."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tierdesk.workforce.schedule import CoverStatus
from tierdesk.workforce.schedule_roster import (
    Agent,
    Roster,
    ShiftInstance,
    TimeWindow,
    WorkingTimeRules,
    roster_agents,
)

WEEK = 7 * 1440


def rule_breaches(agent: Agent, shifts: list[ShiftInstance], rules: WorkingTimeRules) -> list[str]:
    """Everything wrong with one agent's week, from the rules' plain wording."""
    breaches = []
    rest = rules.min_rest_hours * 60
    for i, first in enumerate(shifts):
        for second in shifts[i + 1 :]:
            if rules.cyclic:
                ahead = (second.start_minute - first.start_minute) % WEEK
                gaps = [ahead - first.length_minutes, WEEK - ahead - second.length_minutes]
            else:
                early, late = sorted((first, second), key=lambda s: s.start_minute)
                gaps = [late.start_minute - early.end_minute]
            if min(gaps) < rest:
                breaches.append(f"rest {min(gaps)} min between {first} and {second}")
    per_day = Counter(shift.day for shift in shifts)
    if any(n > 1 for n in per_day.values()):
        breaches.append("two shifts on one day")
    for day in per_day:
        hours = sum(s.paid_hours for s in shifts if s.day == day)
        if hours > rules.max_daily_hours + 1e-9:
            breaches.append(f"{hours} h on day {day}")
    limit = min(rules.max_consecutive_days, agent.max_consecutive_days or 7)
    worked = [day in per_day for day in range(7)]
    sequence = worked * 2 if rules.cyclic else worked
    run = longest = 0
    for flag in sequence:
        run = run + 1 if flag else 0
        longest = max(longest, run)
    if min(longest, 7) > limit:
        breaches.append(f"{longest} consecutive days, limit {limit}")
    total = sum(s.paid_hours for s in shifts)
    if total > agent.max_hours + 1e-9:
        breaches.append(f"{total} h above the {agent.max_hours} h contract")
    for shift in shifts:
        if shift.skill is not None and shift.skill not in agent.skills:
            breaches.append(f"lacks skill {shift.skill}")
        if agent.availability is not None:
            start = shift.start_minute % 1440
            if not any(
                w.weekday == shift.weekday
                and w.start_minute <= start
                and start + shift.length_minutes <= w.end_minute
                for w in agent.availability
            ):
                breaches.append(f"not available for {shift}")
    return breaches


def check_roster(
    roster: Roster, shifts: list[ShiftInstance], agents: list[Agent], rules: WorkingTimeRules
) -> None:
    assigned = [a.shift for a in roster.assignments]
    assert Counter(assigned) + Counter(roster.unassigned) == Counter(shifts)
    by_agent = {agent.agent_id: agent for agent in agents}
    for agent in agents:
        own = [a.shift for a in roster.assignments if a.agent_id == agent.agent_id]
        assert rule_breaches(agent, own, rules) == []
        reported = next(h for h in roster.hours if h.agent_id == agent.agent_id)
        assert reported.paid_hours == pytest.approx(sum(s.paid_hours for s in own))
    assert {a.agent_id for a in roster.assignments} <= by_agent.keys()
    if roster.status is CoverStatus.OPTIMAL:
        # An optimal roster leaves a shift open only if nobody could take it on top.
        for shift in set(roster.unassigned):
            for agent in agents:
                own = [a.shift for a in roster.assignments if a.agent_id == agent.agent_id]
                assert rule_breaches(agent, [*own, shift], rules) != []


@st.composite
def shift_lists(draw: st.DrawFn) -> list[ShiftInstance]:
    shifts = []
    for _ in range(draw(st.integers(1, 12))):
        day = draw(st.integers(0, 6))
        length = draw(st.integers(8, 22)) * 30
        unpaid = draw(st.sampled_from([0, 30, 45]))
        shift = ShiftInstance(
            template=f"t{length}",
            day=day,
            weekday=day,
            start_minute=day * 1440 + draw(st.integers(0, 47)) * 30,
            length_minutes=length,
            paid_minutes=length - unpaid,
            skill=draw(st.sampled_from([None, None, "tier2"])),
        )
        shifts.extend([shift] * draw(st.integers(1, 2)))
    return shifts


@st.composite
def agent_lists(draw: st.DrawFn) -> list[Agent]:
    agents = []
    for number in range(draw(st.integers(1, 4))):
        low = draw(st.integers(0, 30))
        windows = None
        if draw(st.booleans()):
            windows = tuple(
                TimeWindow(day, start * 60, start * 60 + draw(st.integers(6, 24)) * 60)
                for day in draw(st.sets(st.integers(0, 6), min_size=1))
                for start in [draw(st.integers(0, 16))]
            )
        agents.append(
            Agent(
                f"a{number}",
                min_hours=low,
                max_hours=low + draw(st.integers(0, 20)),
                availability=windows,
                skills=draw(st.sampled_from([frozenset(), frozenset({"tier2"})])),
                max_consecutive_days=draw(st.sampled_from([None, 2, 3])),
            )
        )
    return agents


rule_sets = st.builds(
    WorkingTimeRules,
    min_rest_hours=st.sampled_from([8.0, 11.0, 12.0]),
    max_consecutive_days=st.integers(2, 6),
    max_daily_hours=st.sampled_from([6.0, 8.0, 10.0]),
    cyclic=st.booleans(),
)


@settings(max_examples=40, deadline=None)
@given(shift_lists(), agent_lists(), rule_sets)
def test_every_roster_obeys_every_rule(
    shifts: list[ShiftInstance], agents: list[Agent], rules: WorkingTimeRules
) -> None:
    roster = roster_agents(shifts, agents, rules=rules, time_limit_seconds=20)
    check_roster(roster, shifts, agents, rules)


def test_checker_catches_a_short_rest() -> None:
    late = ShiftInstance("late", 0, 0, 14 * 60, 8 * 60, 8 * 60)
    early = ShiftInstance("early", 1, 1, 1440 + 6 * 60, 8 * 60, 8 * 60)
    assert rule_breaches(Agent("a"), [late, early], WorkingTimeRules()) != []


def test_sunday_night_and_monday_morning_clash_only_in_a_repeating_week() -> None:
    sunday_late = ShiftInstance("late", 6, 6, 6 * 1440 + 15 * 60, 8 * 60, 8 * 60)
    monday_early = ShiftInstance("early", 0, 0, 6 * 60, 8 * 60, 8 * 60)
    agents = [Agent("only", max_hours=40)]
    cyclic = roster_agents([sunday_late, monday_early], agents)
    assert len(cyclic.unassigned) == 1
    one_off = roster_agents(
        [sunday_late, monday_early], agents, rules=WorkingTimeRules(cyclic=False)
    )
    assert one_off.unassigned == ()
