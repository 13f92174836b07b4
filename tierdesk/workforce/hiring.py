"""Hiring needs: FTE gaps per team and level, what a hire must bring, and when to hire.

Recruiting for a service team means deciding which skills are essential (a candidate
must bring them: the team cannot teach them in time) and which are trainable (taught
after hiring, each taking some weeks). A hire is productive only after recruiting and
training, so the date by which agents are needed fixes the date by which they must be
hired:

    hire_by = productive_by − (recruiting_weeks + training_weeks)

Example
-------
>>> from datetime import date
>>> from tierdesk.workforce.hiring import RoleNeed, Skill, StaffMember, hiring_need
>>> catalogue = [Skill("german", essential=True), Skill("billing", training_weeks=3)]
>>> needs = [RoleNeed("billing", "L1", required_fte=4.0, skills=frozenset({"german", "billing"}))]
>>> staff = [StaffMember("a1", "billing", "L1", fte=1.0, skills=frozenset({"german"}))]
>>> plan = hiring_need(needs, staff, catalogue, productive_by=date(2025, 12, 1),
...                    recruiting_weeks=6)
>>> gap = plan.gaps[0]
>>> gap.gap_fte, gap.hires, gap.essential_skills, gap.trainable_skills, gap.hire_by
(3.0, 3, ('german',), ('billing',), datetime.date(2025, 9, 29))
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

# FTE are sums of fractions such as 0.1 + 0.2; differences below this are rounding.
_FTE_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Skill:
    """An entry of the skill catalogue.

    Parameters
    ----------
    name
        Unique name of the skill.
    essential
        Whether a hire must bring it (it cannot be taught in time).
    training_weeks
        Weeks to teach the skill when it is trainable (weeks).
    """

    name: str
    essential: bool = False
    training_weeks: float = 0.0

    def __post_init__(self) -> None:
        if self.training_weeks < 0:
            raise ValueError(f"skill {self.name!r}: training_weeks must not be negative")


@dataclass(frozen=True)
class RoleNeed:
    """Required staffing of one team at one level (e.g. First Level, Second Level).

    Parameters
    ----------
    team, level
        The role.
    required_fte
        Full-time equivalents needed (FTE), e.g. from staffing with shrinkage.
    skills
        Skills a member of this role must have.
    """

    team: str
    level: str
    required_fte: float
    skills: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.required_fte < 0:
            raise ValueError(f"role {self.team}/{self.level}: required_fte must not be negative")


@dataclass(frozen=True)
class StaffMember:
    """A current agent.

    Parameters
    ----------
    agent_id
        Identifier.
    team, level
        The agent's current role.
    fte
        The agent's contracted share of a full-time position (FTE).
    skills
        Skills the agent holds.
    """

    agent_id: str
    team: str
    level: str
    fte: float = 1.0
    skills: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TrainingNeed:
    """A person who must still learn skills for a role (weeks)."""

    agent_id: str
    skills: tuple[str, ...]
    training_weeks: float


@dataclass(frozen=True)
class HiringGap:
    """What one understaffed role needs.

    Attributes
    ----------
    team, level
        The role.
    required_fte, current_fte, gap_fte
        FTE needed, FTE in post and the difference (FTE).
    hires
        People to hire at the hiring FTE to close the gap.
    essential_skills
        Skills every hire must bring.
    trainable_skills
        Skills hires may lack and learn after joining.
    training_weeks
        Weeks of training a hire with none of the trainable skills needs.
    lead_time_weeks
        Recruiting plus training weeks.
    hire_by
        Latest date to hire (contract start) to be productive in time.
    late_by_weeks
        Weeks the ``hire_by`` date already lies before ``as_of`` (0 when on time).
    staff_training
        Current members of the role who lack some of its skills.
    internal_candidates
        Members of overstaffed roles who hold every essential skill, with the trainable
        skills they would still need.
    """

    team: str
    level: str
    required_fte: float
    current_fte: float
    gap_fte: float
    hires: int
    essential_skills: tuple[str, ...]
    trainable_skills: tuple[str, ...]
    training_weeks: float
    lead_time_weeks: float
    hire_by: date
    late_by_weeks: float
    staff_training: tuple[TrainingNeed, ...]
    internal_candidates: tuple[TrainingNeed, ...]


@dataclass(frozen=True)
class RoleSurplus:
    """A role with more FTE in post than required (FTE)."""

    team: str
    level: str
    surplus_fte: float


@dataclass(frozen=True)
class HiringPlan:
    """Gaps (largest first) and surpluses across all roles."""

    gaps: tuple[HiringGap, ...]
    surpluses: tuple[RoleSurplus, ...]

    @property
    def total_gap_fte(self) -> float:
        """FTE missing over all roles."""
        return sum(gap.gap_fte for gap in self.gaps)

    @property
    def total_hires(self) -> int:
        """People to hire over all roles."""
        return sum(gap.hires for gap in self.gaps)


def hiring_need(
    needs: Sequence[RoleNeed],
    staff: Sequence[StaffMember],
    catalogue: Sequence[Skill],
    *,
    productive_by: date,
    recruiting_weeks: float,
    as_of: date | None = None,
    hire_fte: float = 1.0,
    parallel_training: bool = False,
) -> HiringPlan:
    """Compute the hiring need of every role.

    Parameters
    ----------
    needs
        Required FTE and skills per team and level (one entry per role).
    staff
        Current agents; each counts towards the role they hold.
    catalogue
        Every skill named by a role, marked essential or trainable.
    productive_by
        Date by which new hires must be fully productive.
    recruiting_weeks
        Weeks from opening a position to the hire's first day (weeks).
    as_of
        Today, to report hires that are already late; ``None`` skips the check.
    hire_fte
        FTE of one hire (1.0 hires full-timers).
    parallel_training
        Whether trainable skills are taught at once (the longest decides) rather than
        one after another (their weeks add up).
    """
    if recruiting_weeks < 0 or hire_fte <= 0:
        raise ValueError("need recruiting_weeks >= 0 and hire_fte > 0")
    skills = {skill.name: skill for skill in catalogue}
    _validate(needs, skills)
    in_post: dict[tuple[str, str], float] = {}
    for member in staff:
        role = (member.team, member.level)
        in_post[role] = in_post.get(role, 0.0) + member.fte
    required = {(need.team, need.level): need.required_fte for need in needs}
    surpluses = tuple(
        RoleSurplus(team, level, fte - required.get((team, level), 0.0))
        for (team, level), fte in sorted(in_post.items())
        if fte - required.get((team, level), 0.0) > _FTE_TOLERANCE
    )
    overstaffed = {(s.team, s.level) for s in surpluses}
    timing = _Timing(productive_by, recruiting_weeks, as_of, parallel_training)
    gaps = [
        _gap(
            need,
            in_post.get((need.team, need.level), 0.0),
            staff,
            overstaffed,
            skills,
            timing,
            hire_fte,
        )
        for need in needs
        if need.required_fte - in_post.get((need.team, need.level), 0.0) > _FTE_TOLERANCE
    ]
    gaps.sort(key=lambda gap: (-gap.gap_fte, gap.team, gap.level))
    return HiringPlan(tuple(gaps), surpluses)


def _validate(needs: Sequence[RoleNeed], skills: dict[str, Skill]) -> None:
    roles = [(need.team, need.level) for need in needs]
    if len(set(roles)) != len(roles):
        raise ValueError("each team and level may appear only once in needs")
    unknown = sorted({name for need in needs for name in need.skills} - skills.keys())
    if unknown:
        raise ValueError(f"skills missing from the catalogue: {', '.join(unknown)}")


@dataclass(frozen=True)
class _Timing:
    productive_by: date
    recruiting_weeks: float
    as_of: date | None
    parallel_training: bool

    def training_weeks(self, skills: Sequence[Skill]) -> float:
        weeks = [skill.training_weeks for skill in skills]
        if not weeks:
            return 0.0
        return max(weeks) if self.parallel_training else sum(weeks)


def _gap(
    need: RoleNeed,
    current_fte: float,
    staff: Sequence[StaffMember],
    overstaffed: set[tuple[str, str]],
    skills: dict[str, Skill],
    timing: _Timing,
    hire_fte: float,
) -> HiringGap:
    essential = tuple(sorted(name for name in need.skills if skills[name].essential))
    trainable = tuple(sorted(name for name in need.skills if not skills[name].essential))
    training = timing.training_weeks([skills[name] for name in trainable])
    lead_time = timing.recruiting_weeks + training
    hire_by = timing.productive_by - timedelta(weeks=lead_time)
    late = 0.0 if timing.as_of is None else max((timing.as_of - hire_by).days / 7, 0.0)
    gap_fte = need.required_fte - current_fte
    in_role = [m for m in staff if (m.team, m.level) == (need.team, need.level)]
    movable = [
        m
        for m in staff
        if (m.team, m.level) in overstaffed
        and (m.team, m.level) != (need.team, need.level)
        and set(essential) <= m.skills
    ]
    return HiringGap(
        team=need.team,
        level=need.level,
        required_fte=need.required_fte,
        current_fte=current_fte,
        gap_fte=gap_fte,
        hires=math.ceil(gap_fte / hire_fte - _FTE_TOLERANCE),
        essential_skills=essential,
        trainable_skills=trainable,
        training_weeks=training,
        lead_time_weeks=lead_time,
        hire_by=hire_by,
        late_by_weeks=late,
        staff_training=tuple(
            _training(m, need, skills, timing) for m in in_role if not need.skills <= m.skills
        ),
        internal_candidates=tuple(_training(m, need, skills, timing) for m in movable),
    )


def _training(
    member: StaffMember, need: RoleNeed, skills: dict[str, Skill], timing: _Timing
) -> TrainingNeed:
    missing = tuple(sorted(need.skills - member.skills))
    return TrainingNeed(
        member.agent_id, missing, timing.training_weeks([skills[n] for n in missing])
    )
