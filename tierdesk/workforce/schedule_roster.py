"""Rostering: assign named agents to the shifts of a plan under working-time rules.

A binary variable ``y[a, k]`` says agent ``a`` works one shift of kind ``k`` (shifts of a
plan with the same template, day and start are interchangeable, so they are pooled with a
count ``n_k``). The model, solved with HiGHS through :func:`scipy.optimize.milp`, is

    minimise   W Σ_k z_k + Σ_a s_a              (unassigned shifts first, then shortfall)
    subject to Σ_a y[a, k] + z_k = n_k                  every shift is staffed or left open
               Σ_{k ∋ p} y[a, k] ≤ 1                    rest: for every start time p
               Σ_{k on day d} y[a, k] ≤ 1               one shift a day
               Σ_{k in any D+1 days} y[a, k] ≤ D        at most D consecutive days
               min_a ≤ Σ_k m_k y[a, k] + s_a,  Σ_k m_k y[a, k] ≤ max_a

with ``m_k`` the paid minutes of shift ``k``, ``s_a`` the agent's shortfall in minutes
and ``z_k`` the shifts of kind ``k`` left unassigned. Here ``k ∋ p`` means that instant
``p`` falls between the start of ``k`` and its end plus the minimum rest. Two shifts are
too close exactly when these stretched intervals overlap, and overlapping intervals always
share the later one's start, so one row per start time forbids every too-close pair at
once (the clique rows of an interval graph), far tighter and smaller than one row per
pair. ``W`` exceeds any possible total shortfall, so an
unassigned shift always costs more than every minute of contract shortfall together.

Default rules follow the German Working Hours Act (ArbZG): 11 hours' rest between shifts
(§5(1)) and at most 10 hours' work a day (§3); at most 6 consecutive working days (the
week's rest day, §9 and §11). Hours are paid hours (unpaid breaks excluded), and a day's
hours are those of the shift starting that day.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, OptimizeResult

from tierdesk.workforce.schedule import CoverPlan, CoverStatus, NoPlanFoundError, solve_milp
from tierdesk.workforce.schedule_shifts import (
    DAYS_PER_WEEK,
    MINUTES_PER_DAY,
    MINUTES_PER_WEEK,
    FloatArray,
)


@dataclass(frozen=True)
class TimeWindow:
    """A stretch of a weekday when an agent can work.

    Parameters
    ----------
    weekday
        Weekday the window starts on (0 is Monday).
    start_minute, end_minute
        Minutes after that day's midnight; ``end_minute`` may exceed 1440 for a window
        running overnight.
    """

    weekday: int
    start_minute: int
    end_minute: int

    def __post_init__(self) -> None:
        if not 0 <= self.weekday < DAYS_PER_WEEK:
            raise ValueError("weekday must be 0..6")
        if not 0 <= self.start_minute < self.end_minute <= 2 * MINUTES_PER_DAY:
            raise ValueError("need 0 <= start_minute < end_minute <= 2880")


@dataclass(frozen=True)
class Agent:
    """A named agent to roster.

    Parameters
    ----------
    agent_id
        Unique identifier.
    min_hours, max_hours
        Contracted paid hours per week (hours). ``max_hours`` is a hard limit; falling
        short of ``min_hours`` is allowed but minimised.
    availability
        Windows in which a whole shift must fall; ``None`` means always available.
    skills
        Skills held; a shift whose template names a skill needs it.
    max_consecutive_days
        The agent's own limit, when stricter than the rules' (days).
    """

    agent_id: str
    min_hours: float = 0.0
    max_hours: float = 40.0
    availability: tuple[TimeWindow, ...] | None = None
    skills: frozenset[str] = frozenset()
    max_consecutive_days: int | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.min_hours <= self.max_hours:
            raise ValueError(f"agent {self.agent_id!r}: need 0 <= min_hours <= max_hours")


@dataclass(frozen=True)
class WorkingTimeRules:
    """Rest and working-time limits for every agent.

    Parameters
    ----------
    min_rest_hours
        Hours between the end of one shift and the start of the next (ArbZG §5(1): 11).
    max_consecutive_days
        Working days in a row (days).
    max_daily_hours
        Paid hours in one day (ArbZG §3: 10).
    cyclic
        Whether the week repeats, so Sunday's shifts constrain Monday's.
    """

    min_rest_hours: float = 11.0
    max_consecutive_days: int = 6
    max_daily_hours: float = 10.0
    cyclic: bool = True


@dataclass(frozen=True)
class ShiftInstance:
    """One shift of a plan, to be worked by one agent.

    Parameters
    ----------
    template
        Name of the shift template.
    day
        Day of the week it starts (0..6, from the week's first day).
    weekday
        Weekday it starts (0 is Monday).
    start_minute
        Start, minutes after the week's start.
    length_minutes
        Minutes from start to end.
    paid_minutes
        Paid minutes (unpaid breaks excluded).
    skill
        Skill required, or ``None``.
    """

    template: str
    day: int
    weekday: int
    start_minute: int
    length_minutes: int
    paid_minutes: int
    skill: str | None = None

    @property
    def end_minute(self) -> int:
        """End, minutes after the week's start (may pass the week's end)."""
        return self.start_minute + self.length_minutes

    @property
    def paid_hours(self) -> float:
        """Paid hours."""
        return self.paid_minutes / 60


@dataclass(frozen=True)
class Assignment:
    """An agent working a shift."""

    agent_id: str
    shift: ShiftInstance


@dataclass(frozen=True)
class AgentHours:
    """Hours rostered for one agent against their contract (hours, days)."""

    agent_id: str
    paid_hours: float
    min_hours: float
    max_hours: float
    days_worked: int

    @property
    def shortfall_hours(self) -> float:
        """Hours below the contracted minimum."""
        return max(self.min_hours - self.paid_hours, 0.0)


@dataclass(frozen=True)
class Roster:
    """Agents assigned to shifts, with what was left over.

    Attributes
    ----------
    status, mip_gap, solve_seconds
        How the solver finished, its relative gap, and the seconds spent.
    assignments
        Each agent's shifts, ordered by agent then start.
    unassigned
        Shifts no agent could take within the rules.
    hours
        Paid hours per agent against their contract.
    """

    status: CoverStatus
    mip_gap: float
    solve_seconds: float
    assignments: tuple[Assignment, ...]
    unassigned: tuple[ShiftInstance, ...]
    hours: tuple[AgentHours, ...]

    @property
    def shortfall_hours(self) -> float:
        """Total hours below contracted minimums."""
        return sum(entry.shortfall_hours for entry in self.hours)


def shift_instances(plan: CoverPlan) -> tuple[ShiftInstance, ...]:
    """Every shift of a plan as a separate instance, in week order."""
    templates = {template.name: template for template in plan.templates}
    instances = []
    for count in plan.shifts:
        template = templates[count.template]
        instance = ShiftInstance(
            template=template.name,
            day=count.day,
            weekday=count.weekday,
            start_minute=count.day * MINUTES_PER_DAY + count.start_minute,
            length_minutes=template.length_minutes,
            paid_minutes=template.paid_minutes,
            skill=template.skill,
        )
        instances.extend([instance] * count.count)
    return tuple(instances)


def can_work(agent: Agent, shift: ShiftInstance, rules: WorkingTimeRules) -> bool:
    """Whether ``agent`` may work ``shift`` taken alone (skill, availability, hour limits)."""
    if shift.skill is not None and shift.skill not in agent.skills:
        return False
    if shift.paid_minutes > min(rules.max_daily_hours, agent.max_hours) * 60:
        return False
    if agent.availability is None:
        return True
    start = shift.start_minute - shift.day * MINUTES_PER_DAY
    return any(
        window.weekday == shift.weekday
        and window.start_minute <= start
        and start + shift.length_minutes <= window.end_minute
        for window in agent.availability
    )


def roster_agents(
    shifts: Sequence[ShiftInstance],
    agents: Sequence[Agent],
    *,
    rules: WorkingTimeRules | None = None,
    time_limit_seconds: float = 60.0,
    mip_gap: float = 1e-4,
) -> Roster:
    """Assign agents to shifts: fewest unassigned shifts, then least contract shortfall.

    Parameters
    ----------
    shifts
        Shifts to staff (see :func:`shift_instances`).
    agents
        Agents available.
    rules
        Working-time rules; the German defaults when ``None``.
    time_limit_seconds
        Wall-clock limit for the solver, seconds.
    mip_gap
        Relative optimality gap at which the solver may stop.

    Raises
    ------
    NoPlanFoundError
        When the solver stops without any roster.
    """
    started = time.perf_counter()
    rules = WorkingTimeRules() if rules is None else rules
    ids = [agent.agent_id for agent in agents]
    if len(set(ids)) != len(ids):
        raise ValueError("agent ids must be unique")
    kinds, counts = _pool(shifts)
    model = _RosterModel(kinds, counts, agents, rules)
    result = model.solve(time_limit_seconds, mip_gap)
    if result.x is None or result.status not in (0, 1):
        raise NoPlanFoundError(f"the solver found no roster: {result.message}")
    status = CoverStatus.OPTIMAL if result.status == 0 else CoverStatus.TIME_LIMIT
    taken = np.rint(result.x[: model.pair_agent.size]).astype(bool)
    return _roster(
        kinds,
        counts,
        agents,
        model.pair_agent[taken],
        model.pair_kind[taken],
        status=status,
        mip_gap=float(result.mip_gap or 0.0),
        solve_seconds=time.perf_counter() - started,
    )


def _pool(shifts: Sequence[ShiftInstance]) -> tuple[list[ShiftInstance], np.ndarray]:
    pooled: dict[ShiftInstance, int] = {}
    for shift in shifts:
        pooled[shift] = pooled.get(shift, 0) + 1
    kinds = sorted(pooled, key=lambda s: (s.start_minute, s.template, s.length_minutes))
    return kinds, np.array([pooled[kind] for kind in kinds], dtype=np.int64)


class _RosterModel:
    """Sparse rows of the roster MILP, built agent by agent."""

    def __init__(
        self,
        kinds: list[ShiftInstance],
        counts: np.ndarray,
        agents: Sequence[Agent],
        rules: WorkingTimeRules,
    ) -> None:
        self.kinds = kinds
        self.counts = counts
        self.agents = agents
        self.rules = rules
        pairs = [
            (a, k)
            for a, agent in enumerate(agents)
            for k, kind in enumerate(kinds)
            if can_work(agent, kind, rules)
        ]
        self.pair_agent = np.array([a for a, _ in pairs], dtype=np.int64)
        self.pair_kind = np.array([k for _, k in pairs], dtype=np.int64)
        self.start = np.array([kind.start_minute for kind in kinds], dtype=np.int64)
        self.day = np.array([kind.day for kind in kinds], dtype=np.int64)
        # Minutes keep the hour rows integral, which HiGHS handles more robustly.
        self.minutes = np.array([kind.paid_minutes for kind in kinds], dtype=np.float64)
        stretch = [kind.length_minutes + rules.min_rest_hours * 60 for kind in kinds]
        self.stretch = np.array(stretch, dtype=np.float64)
        self.rows: list[np.ndarray] = []
        self.cols: list[np.ndarray] = []
        self.row_count = 0
        self.upper: list[float] = []

    def _add_rows(self, member: np.ndarray, pair_index: np.ndarray, upper: float) -> None:
        """Add rows ``Σ y ≤ upper``, one per row of the boolean ``member`` (rows × pairs)."""
        useful = member[member.sum(axis=1) > upper]
        rows, cols = np.nonzero(useful)
        self.rows.append(rows.astype(np.int64) + self.row_count)
        self.cols.append(pair_index[cols])
        self.upper.extend([upper] * useful.shape[0])
        self.row_count += useful.shape[0]

    def _agent_rows(self, a: int, agent: Agent) -> None:
        pair_index = np.flatnonzero(self.pair_agent == a)
        if pair_index.size == 0:
            return
        kind = self.pair_kind[pair_index]
        starts = self.start[kind]
        points = np.unique(starts)
        offset = points[:, None] - starts[None, :]
        if self.rules.cyclic:
            offset %= MINUTES_PER_WEEK
        self._add_rows((offset >= 0) & (offset < self.stretch[kind][None, :]), pair_index, 1.0)
        days = self.day[kind]
        self._add_rows(np.arange(DAYS_PER_WEEK)[:, None] == days[None, :], pair_index, 1.0)
        limit = self.rules.max_consecutive_days
        if agent.max_consecutive_days is not None:
            limit = min(limit, agent.max_consecutive_days)
        if limit < DAYS_PER_WEEK:
            firsts = range(DAYS_PER_WEEK if self.rules.cyclic else DAYS_PER_WEEK - limit)
            since = days[None, :] - np.array(list(firsts))[:, None]
            if self.rules.cyclic:
                since %= DAYS_PER_WEEK
            self._add_rows((since >= 0) & (since <= limit), pair_index, float(limit))

    def solve(self, time_limit_seconds: float, mip_gap: float) -> OptimizeResult:
        n_pairs, n_kinds, n_agents = self.pair_agent.size, len(self.kinds), len(self.agents)
        for a, agent in enumerate(self.agents):
            self._agent_rows(a, agent)
        width = n_pairs + n_kinds + n_agents
        pairs = np.arange(n_pairs)
        rule_matrix = sparse.csr_array(
            (
                np.ones(sum(r.size for r in self.rows)),
                (_concat(self.rows), _concat(self.cols)),
            ),
            shape=(self.row_count, width),
        )
        staffing = sparse.csr_array(
            (
                np.ones(n_pairs + n_kinds),
                (
                    np.concatenate([self.pair_kind, np.arange(n_kinds)]),
                    np.concatenate([pairs, n_pairs + np.arange(n_kinds)]),
                ),
            ),
            shape=(n_kinds, width),
        )
        hours = sparse.csr_array(
            (
                np.concatenate([self.minutes[self.pair_kind], np.ones(n_agents)]),
                (
                    np.concatenate([self.pair_agent, np.arange(n_agents)]),
                    np.concatenate([pairs, n_pairs + n_kinds + np.arange(n_agents)]),
                ),
            ),
            shape=(n_agents, width),
        )
        worked = sparse.csr_array(
            (self.minutes[self.pair_kind], (self.pair_agent, pairs)), shape=(n_agents, width)
        )
        minimum = np.array([agent.min_hours * 60 for agent in self.agents], dtype=np.float64)
        maximum = np.array([agent.max_hours * 60 for agent in self.agents], dtype=np.float64)
        weight = float(minimum.sum()) + 1.0
        objective = np.concatenate([np.zeros(n_pairs), np.full(n_kinds, weight), np.ones(n_agents)])
        counts = self.counts.astype(np.float64)
        upper = np.concatenate([np.ones(n_pairs), counts, minimum])
        constraints = [
            LinearConstraint(staffing, lb=counts, ub=counts),
            LinearConstraint(hours, lb=minimum, ub=np.inf),
            LinearConstraint(worked, lb=0.0, ub=maximum),
        ]
        if self.row_count:
            constraints.append(LinearConstraint(rule_matrix, lb=-np.inf, ub=np.array(self.upper)))
        integrality = np.concatenate([np.ones(n_pairs + n_kinds), np.zeros(n_agents)])
        return solve_milp(
            objective,
            integrality=integrality,
            bounds=Bounds(np.zeros(width), upper),
            constraints=constraints,
            time_limit_seconds=time_limit_seconds,
            mip_gap=mip_gap,
        )


def _concat(parts: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def _roster(
    kinds: list[ShiftInstance],
    counts: np.ndarray,
    agents: Sequence[Agent],
    agent_of: np.ndarray,
    kind_of: np.ndarray,
    *,
    status: CoverStatus,
    mip_gap: float,
    solve_seconds: float,
) -> Roster:
    order = np.lexsort((np.array([kinds[k].start_minute for k in kind_of]), agent_of))
    assignments = tuple(
        Assignment(agents[int(agent_of[i])].agent_id, kinds[int(kind_of[i])]) for i in order
    )
    left = counts - np.bincount(kind_of, minlength=len(kinds))
    unassigned = tuple(kind for kind, n in zip(kinds, left, strict=True) for _ in range(int(n)))
    paid: FloatArray = np.zeros(len(agents))
    np.add.at(paid, agent_of, [kinds[k].paid_hours for k in kind_of])
    days = np.bincount(agent_of, minlength=len(agents))
    hours = tuple(
        AgentHours(agent.agent_id, float(paid[a]), agent.min_hours, agent.max_hours, int(days[a]))
        for a, agent in enumerate(agents)
    )
    return Roster(status, mip_gap, solve_seconds, assignments, unassigned, hours)
