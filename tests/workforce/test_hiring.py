"""Hiring needs: FTE gaps, essential versus trainable skills, and hiring dates."""

from __future__ import annotations

from datetime import date

import pytest

from tierdesk.workforce import hiring
from tierdesk.workforce.hiring import RoleNeed, Skill, StaffMember, hiring_need

CATALOGUE = [
    Skill("german", essential=True),
    Skill("empathy", essential=True),
    Skill("billing", training_weeks=3),
    Skill("sap", training_weeks=5),
    Skill("networking", training_weeks=8),
]
PRODUCTIVE_BY = date(2025, 11, 24)  # a Monday: ready for the Christmas peak


def member(agent_id: str, team: str, level: str, *skills: str, fte: float = 1.0) -> StaffMember:
    return StaffMember(agent_id, team, level, fte=fte, skills=frozenset(skills))


NEEDS = [
    RoleNeed("billing", "L1", 5.0, frozenset({"german", "empathy", "billing"})),
    RoleNeed("billing", "L2", 2.5, frozenset({"german", "billing", "sap"})),
    RoleNeed("it", "L1", 1.0, frozenset({"german", "networking"})),
]
STAFF = [
    member("b1", "billing", "L1", "german", "empathy", "billing"),
    member("b2", "billing", "L1", "german", "empathy", fte=0.5),
    member("b3", "billing", "L2", "german", "billing", "sap"),
    member("i1", "it", "L1", "german", "networking"),
    member("i2", "it", "L1", "german", "networking", "billing"),
    member("i3", "it", "L1", "german", "empathy"),
]


def plan(**overrides: object) -> hiring.HiringPlan:
    arguments: dict[str, object] = {
        "productive_by": PRODUCTIVE_BY,
        "recruiting_weeks": 6,
        **overrides,
    }
    return hiring_need(NEEDS, STAFF, CATALOGUE, **arguments)  # type: ignore[arg-type]


def test_gaps_are_required_minus_current_fte_largest_first() -> None:
    gaps = plan().gaps
    assert [(g.team, g.level, g.gap_fte) for g in gaps] == [
        ("billing", "L1", 3.5),
        ("billing", "L2", 1.5),
    ]
    assert [g.hires for g in gaps] == [4, 2]
    assert plan().total_gap_fte == pytest.approx(5.0)


def test_essential_skills_must_be_brought_and_trainable_ones_are_taught() -> None:
    level_two = plan().gaps[1]
    assert level_two.essential_skills == ("german",)
    assert level_two.trainable_skills == ("billing", "sap")
    assert level_two.training_weeks == 8  # 3 + 5 weeks, one after the other


def test_hire_by_date_subtracts_recruiting_and_training_weeks() -> None:
    level_two = plan().gaps[1]
    assert level_two.lead_time_weeks == 14
    assert level_two.hire_by == date(2025, 8, 18)
    parallel = plan(parallel_training=True).gaps[1]
    assert parallel.training_weeks == 5
    assert parallel.hire_by == date(2025, 9, 8)


def test_late_hiring_is_flagged_in_weeks() -> None:
    level_one = plan(as_of=date(2025, 9, 22)).gaps[0]
    # 6 + 3 weeks before 24 November is 22 September: exactly on time.
    assert level_one.late_by_weeks == 0
    late = plan(as_of=date(2025, 10, 6)).gaps[0]
    assert late.late_by_weeks == pytest.approx(2.0)


def test_overstaffed_roles_are_surplus_and_their_skilled_members_internal_candidates() -> None:
    result = plan()
    assert [(s.team, s.level, s.surplus_fte) for s in result.surpluses] == [("it", "L1", 2.0)]
    level_one = result.gaps[0]
    candidates = {c.agent_id: c for c in level_one.internal_candidates}
    # Only i3 holds both essential skills (german, empathy); billing takes 3 weeks.
    assert set(candidates) == {"i3"}
    assert candidates["i3"].skills == ("billing",)
    assert candidates["i3"].training_weeks == 3


def test_current_members_missing_skills_need_training() -> None:
    level_one = plan().gaps[0]
    assert [(t.agent_id, t.skills, t.training_weeks) for t in level_one.staff_training] == [
        ("b2", ("billing",), 3)
    ]


def test_part_time_hires_round_up_and_fractions_do_not_create_phantom_gaps() -> None:
    needs = [RoleNeed("t", "L1", 0.3, frozenset())]
    staff = [member("x", "t", "L1", fte=0.1), member("y", "t", "L1", fte=0.2)]
    assert hiring_need(needs, staff, [], productive_by=PRODUCTIVE_BY, recruiting_weeks=4).gaps == ()
    half = hiring_need(
        [RoleNeed("t", "L1", 2.2)],
        [],
        [],
        productive_by=PRODUCTIVE_BY,
        recruiting_weeks=4,
        hire_fte=0.5,
    )
    assert half.total_hires == 5


def test_skills_missing_from_the_catalogue_and_duplicate_roles_are_rejected() -> None:
    with pytest.raises(ValueError, match="klingon"):
        hiring_need(
            [RoleNeed("t", "L1", 1, frozenset({"klingon"}))],
            [],
            CATALOGUE,
            productive_by=PRODUCTIVE_BY,
            recruiting_weeks=1,
        )
    with pytest.raises(ValueError, match="only once"):
        hiring_need(
            [RoleNeed("t", "L1", 1), RoleNeed("t", "L1", 2)],
            [],
            CATALOGUE,
            productive_by=PRODUCTIVE_BY,
            recruiting_weeks=1,
        )


def test_module_example_runs() -> None:
    import doctest

    failures, tried = doctest.testmod(hiring)
    assert tried > 0 and failures == 0
