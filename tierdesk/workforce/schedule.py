"""Shift plans: how many of each shift to staff so that every interval of a week is covered.

The planner solves the classic set-covering model of Dantzig (1954): one integer variable
per candidate shift (template, day, start), one covering row per interval,

    minimise    Σ_j cost_j x_j + penalty Σ_i u_i
    subject to  Σ_j a_ij x_j + u_i ≥ r_i     for every interval i,
                x_j ∈ {0, 1, 2, ...},  u_i ≥ 0,

where ``a_ij`` is the fraction of interval ``i`` that shift ``j`` spends on the floor and
``u_i`` the under-cover (agents short in interval ``i``), allowed only when a penalty is
given. It is solved with HiGHS through :func:`scipy.optimize.milp`.

Example
-------
>>> import numpy as np
>>> from tierdesk.workforce.schedule import plan_shifts
>>> from tierdesk.workforce.schedule_shifts import ShiftTemplate, clock
>>> day = ShiftTemplate("day", starts=(clock("08:00"),), length_minutes=480)
>>> required = np.zeros((7, 48))
>>> required[:, 16:32] = 3  # three agents from 08:00 to 16:00 every day
>>> plan = plan_shifts(required, [day])
>>> plan.status.value, plan.shift_count, plan.total_cost
('optimal', 21, 168.0)
"""

from __future__ import annotations

import enum
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, OptimizeResult, milp

from tierdesk.workforce.schedule_shifts import (
    DAYS_PER_WEEK,
    FloatArray,
    ShiftColumns,
    ShiftTemplate,
    WeekGrid,
    shift_columns,
    week_requirement,
)

# Coverage sums are floating point (breaks make fractions); this much slack is noise.
_COVER_TOLERANCE = 1e-6


class CoverStatus(enum.Enum):
    """How the solver finished."""

    OPTIMAL = "optimal"
    """Optimal within the requested relative MIP gap."""
    TIME_LIMIT = "time_limit"
    """Stopped by the time limit with a feasible plan; see ``mip_gap``."""
    HEURISTIC = "heuristic"
    """Built by a heuristic: feasible, with no bound on how far from optimal."""


class InfeasibleCoverError(ValueError):
    """No plan satisfies the rules (and no under-cover penalty was given)."""


class NoPlanFoundError(RuntimeError):
    """The solver stopped (time limit, numerical trouble) before finding any plan."""


@dataclass(frozen=True)
class ShiftCount:
    """How many agents start one shift.

    Parameters
    ----------
    template
        Name of the shift template.
    day
        Day of the week, counted from the requirement's first day (0..6).
    weekday
        Weekday of that day (0 is Monday).
    start_minute
        Start, minutes after midnight of ``day``.
    count
        Number of agents (shifts) staffed.
    """

    template: str
    day: int
    weekday: int
    start_minute: int
    count: int


@dataclass(frozen=True, eq=False)
class IntervalCover:
    """Per-interval cover of a plan, all in agents.

    Attributes
    ----------
    required, scheduled, over, under
        Agents required, agents on the floor, surplus and shortfall per interval.
    """

    required: FloatArray
    scheduled: FloatArray
    over: FloatArray
    under: FloatArray


@dataclass(frozen=True, eq=False)
class CoverPlan:
    """A weekly shift plan and how well it covers the requirement.

    Attributes
    ----------
    status
        How the solver finished.
    mip_gap
        Relative gap between the plan's cost and the solver's lower bound (0 is proven).
    solve_seconds
        Wall-clock seconds spent building and solving the model.
    grid
        The week's intervals.
    templates
        The templates the plan was built from.
    shifts
        The shifts staffed (counts above zero), in week order.
    cover
        Required, scheduled, over- and under-cover per interval (agents).
    shift_cost
        Cost of the shifts staffed.
    under_cover_cost
        Penalty paid for under-cover (0 without a penalty).
    paid_hours
        Paid hours of all shifts (agent-hours, unpaid breaks excluded).
    on_floor_hours
        Hours agents spend on the floor (agent-hours, all breaks excluded).
    """

    status: CoverStatus
    mip_gap: float
    solve_seconds: float
    grid: WeekGrid
    templates: tuple[ShiftTemplate, ...]
    shifts: tuple[ShiftCount, ...]
    cover: IntervalCover
    shift_cost: float
    under_cover_cost: float
    paid_hours: float
    on_floor_hours: float

    @property
    def total_cost(self) -> float:
        """Shift cost plus under-cover penalty."""
        return self.shift_cost + self.under_cover_cost

    @property
    def shift_count(self) -> int:
        """Number of shifts staffed in the week."""
        return sum(shift.count for shift in self.shifts)

    @property
    def under_cover_agent_hours(self) -> float:
        """Agent-hours of requirement left uncovered."""
        return float(self.cover.under.sum()) * self.grid.interval_minutes / 60

    @property
    def efficiency(self) -> float:
        """Share of on-floor time that meets requirement (1.0 means no over-cover)."""
        on_floor = float(self.cover.scheduled.sum())
        if on_floor == 0:
            return 1.0
        return float(np.minimum(self.cover.scheduled, self.cover.required).sum()) / on_floor

    def to_frame(self) -> pd.DataFrame:
        """Per-interval cover as a DataFrame (on the requirement's index when it had one)."""
        index = self.grid.index if self.grid.index is not None else pd.RangeIndex(self.grid.size)
        return pd.DataFrame(
            {
                "required": self.cover.required,
                "scheduled": self.cover.scheduled,
                "over": self.cover.over,
                "under": self.cover.under,
            },
            index=index,
        )


def plan_shifts(
    required: object,
    templates: Sequence[ShiftTemplate],
    *,
    under_cover_penalty: float | None = None,
    headcount: int | None = None,
    shifts_per_agent: int = 5,
    wrap_week: bool = True,
    time_limit_seconds: float = 60.0,
    mip_gap: float = 1e-4,
) -> CoverPlan:
    """Choose the cheapest shifts that cover a week's requirement.

    Parameters
    ----------
    required
        Agents required per interval (see :func:`week_requirement` for the forms).
    templates
        Shift templates to choose from.
    under_cover_penalty
        Cost per agent-interval left uncovered. ``None`` makes cover a hard rule.
    headcount
        Agents available: at most this many shifts start on any day and at most
        ``headcount × shifts_per_agent`` in the week. ``None`` means no cap.
    shifts_per_agent
        Shifts one agent works in a week (used with ``headcount``).
    wrap_week
        Whether the week repeats, so shifts past its end cover its start.
    time_limit_seconds
        Wall-clock limit for the solver, seconds.
    mip_gap
        Relative optimality gap at which the solver may stop.

    Raises
    ------
    InfeasibleCoverError
        When the rules make full cover impossible and no penalty was given.
    NoPlanFoundError
        When the solver stops without any plan.
    """
    started = time.perf_counter()
    requirement, grid = week_requirement(required)
    columns = shift_columns(templates, grid, wrap_week=wrap_week)
    if under_cover_penalty is None:
        _check_coverable(requirement, columns, grid)
    elif under_cover_penalty < 0:
        raise ValueError("under_cover_penalty must not be negative")
    result = _solve(
        requirement,
        columns,
        templates,
        grid,
        under_cover_penalty=under_cover_penalty,
        headcount=headcount,
        shifts_per_agent=shifts_per_agent,
        time_limit_seconds=time_limit_seconds,
        mip_gap=mip_gap,
    )
    status = _status_of(result, under_cover_penalty, headcount)
    counts = np.rint(result.x[: columns.size]).astype(np.int64)
    return build_plan(
        requirement,
        grid,
        templates,
        columns,
        counts,
        status=status,
        mip_gap=float(result.mip_gap or 0.0),
        under_cover_penalty=under_cover_penalty,
        solve_seconds=time.perf_counter() - started,
    )


def _check_coverable(requirement: FloatArray, columns: ShiftColumns, grid: WeekGrid) -> None:
    reachable = np.asarray(columns.coverage.sum(axis=1)).ravel() > 0
    uncovered = np.flatnonzero((requirement > _COVER_TOLERANCE) & ~reachable)
    if uncovered.size:
        raise InfeasibleCoverError(
            f"{uncovered.size} intervals need agents but no shift template covers them "
            f"(first: {_interval_label(int(uncovered[0]), grid)}); add templates or "
            "pass under_cover_penalty to plan with under-cover"
        )


def _interval_label(interval: int, grid: WeekGrid) -> str:
    if grid.index is not None:
        return str(grid.index[interval])
    day, slot = divmod(interval, grid.intervals_per_day)
    minutes = slot * grid.interval_minutes
    return f"day {day} {minutes // 60:02d}:{minutes % 60:02d}"


def _solve(
    requirement: FloatArray,
    columns: ShiftColumns,
    templates: Sequence[ShiftTemplate],
    grid: WeekGrid,
    *,
    under_cover_penalty: float | None,
    headcount: int | None,
    shifts_per_agent: int,
    time_limit_seconds: float,
    mip_gap: float,
) -> OptimizeResult:
    n_shifts = columns.size
    n_slack = grid.size if under_cover_penalty is not None else 0
    slack = sparse.eye_array(grid.size, n_slack, format="csc")
    cover_rows = sparse.hstack([columns.coverage, slack], format="csr")
    constraints = [LinearConstraint(cover_rows, lb=requirement - _COVER_TOLERANCE, ub=np.inf)]
    extra = _count_rows(columns, templates, headcount, shifts_per_agent)
    if extra is not None:
        matrix, lower, upper = extra
        padded = sparse.hstack([matrix, sparse.csr_array((matrix.shape[0], n_slack))])
        constraints.append(LinearConstraint(padded.tocsr(), lb=lower, ub=upper))
    penalty = 0.0 if under_cover_penalty is None else under_cover_penalty
    objective = np.concatenate([columns.cost, np.full(n_slack, penalty)])
    integrality = np.concatenate([np.ones(n_shifts), np.zeros(n_slack)])
    return solve_milp(
        objective,
        integrality=integrality,
        bounds=Bounds(0, np.inf),
        constraints=constraints,
        time_limit_seconds=time_limit_seconds,
        mip_gap=mip_gap,
    )


def solve_milp(
    objective: FloatArray,
    *,
    integrality: FloatArray,
    bounds: Bounds,
    constraints: list[LinearConstraint],
    time_limit_seconds: float,
    mip_gap: float,
) -> OptimizeResult:
    """Run HiGHS; on a solver error, run it once more without presolve.

    HiGHS 1.x occasionally fails in postsolve on small models with equality rows
    ("Solve error", status 4) that it solves at once without presolve.
    """
    options: dict[str, float | bool] = {"time_limit": time_limit_seconds, "mip_rel_gap": mip_gap}
    kwargs = {"integrality": integrality, "bounds": bounds, "constraints": constraints}
    result = milp(objective, options=options, **kwargs)
    if result.status == 4:
        result = milp(objective, options={**options, "presolve": False}, **kwargs)
    return result


def _count_rows(
    columns: ShiftColumns,
    templates: Sequence[ShiftTemplate],
    headcount: int | None,
    shifts_per_agent: int,
) -> tuple[sparse.csr_array, FloatArray, FloatArray] | None:
    """Rows bounding shift counts: per template (min/max) and per day and week (headcount)."""
    rows: list[FloatArray] = []
    lower: list[float] = []
    upper: list[float] = []
    for number, template in enumerate(templates):
        if template.min_count is None and template.max_count is None:
            continue
        rows.append((columns.template == number).astype(np.float64))
        lower.append(float(template.min_count or 0))
        upper.append(np.inf if template.max_count is None else float(template.max_count))
    if headcount is not None:
        if headcount < 0 or shifts_per_agent <= 0:
            raise ValueError("headcount must be >= 0 and shifts_per_agent > 0")
        for day in range(DAYS_PER_WEEK):
            rows.append((columns.day == day).astype(np.float64))
            lower.append(0.0)
            upper.append(float(headcount))
        rows.append(np.ones(columns.size))
        lower.append(0.0)
        upper.append(float(headcount * min(shifts_per_agent, DAYS_PER_WEEK)))
    if not rows:
        return None
    return sparse.csr_array(np.vstack(rows)), np.array(lower), np.array(upper)


def _status_of(
    result: OptimizeResult, under_cover_penalty: float | None, headcount: int | None
) -> CoverStatus:
    if result.status == 0:
        return CoverStatus.OPTIMAL
    if result.status == 1 and result.x is not None:
        return CoverStatus.TIME_LIMIT
    if result.status == 2:
        rules = []
        if under_cover_penalty is None:
            rules.append("full cover of every interval")
        if headcount is not None:
            rules.append(f"a headcount of {headcount}")
        rules.append("the templates' min/max counts")
        raise InfeasibleCoverError(
            "no shift plan satisfies " + ", ".join(rules) + "; pass under_cover_penalty "
            "to get the cheapest plan with under-cover instead"
        )
    raise NoPlanFoundError(f"the solver found no plan: {result.message}")


def build_plan(
    requirement: FloatArray,
    grid: WeekGrid,
    templates: Sequence[ShiftTemplate],
    columns: ShiftColumns,
    counts: np.ndarray,
    *,
    status: CoverStatus,
    mip_gap: float,
    under_cover_penalty: float | None,
    solve_seconds: float,
) -> CoverPlan:
    """Assemble a :class:`CoverPlan` from shift counts per candidate (any solver's)."""
    scheduled = columns.coverage @ counts.astype(np.float64)
    # Fractions from breaks leave float dust; do not report it as cover gaps.
    scheduled = np.where(
        np.abs(scheduled - np.rint(scheduled)) < 1e-9, np.rint(scheduled), scheduled
    )
    under = np.maximum(requirement - scheduled, 0.0)
    under[under < _COVER_TOLERANCE] = 0.0
    over = np.maximum(scheduled - requirement, 0.0)
    chosen = np.flatnonzero(counts > 0)
    order = np.lexsort((columns.start_minute[chosen], columns.day[chosen]))
    shifts = tuple(
        ShiftCount(
            template=templates[int(columns.template[j])].name,
            day=int(columns.day[j]),
            weekday=grid.weekday(int(columns.day[j])),
            start_minute=int(columns.start_minute[j]),
            count=int(counts[j]),
        )
        for j in chosen[order]
    )
    paid_minutes = np.array([t.paid_minutes for t in templates], dtype=np.float64)
    penalty = 0.0 if under_cover_penalty is None else under_cover_penalty
    return CoverPlan(
        status=status,
        mip_gap=mip_gap,
        solve_seconds=solve_seconds,
        grid=grid,
        templates=tuple(templates),
        shifts=shifts,
        cover=IntervalCover(required=requirement, scheduled=scheduled, over=over, under=under),
        shift_cost=float(columns.cost @ counts),
        under_cover_cost=penalty * float(under.sum()),
        paid_hours=float(paid_minutes[columns.template] @ counts) / 60,
        on_floor_hours=float(scheduled.sum()) * grid.interval_minutes / 60,
    )
