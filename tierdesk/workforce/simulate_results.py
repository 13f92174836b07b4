"""Results of a simulation run, computed from the visit log with numpy.

Definitions (all times in seconds):

* offered: visits that entered the queue at or after the warm-up;
* answered: offered visits whose service started within the horizon; their wait is the
  time from entering the queue to the start of service;
* service level: answered within the channel's target / (answered + abandoned + still
  waiting at the end for longer than the target). Abandoned contacts count against it,
  whenever they abandoned (the definition of the issue and of Erlang A in
  :mod:`tierdesk.workforce.erlang_a`);
* probability of wait: (answered after a wait + abandoned + still waiting beyond the target
  at the end) over the same denominator, which for M/M/c is Erlang C;
* abandonment rate: abandoned / (answered + abandoned);
* backlog: contacts waiting in the queue (not in service) at the end of each interval;
* occupancy: busy agent-seconds / (agents on shift × interval length). An agent who stays
  past the end of a shift to finish a contact is busy but no longer on shift, so occupancy
  may exceed 1 in such intervals; it is NaN where nobody is on shift.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tierdesk.workforce.simulate_engine import VisitLog
from tierdesk.workforce.simulate_model import CHANNELS, DepartmentModel, FloatArray, IntArray
from tierdesk.workforce.simulate_workload import QueueLayout, Workload

PERCENTILES: tuple[float, ...] = (50.0, 80.0, 90.0, 95.0, 99.0)


@dataclass(frozen=True)
class QueueResult:
    """Figures for one queue, or for several pooled (``None`` means all teams or channels)."""

    level: int
    team: str | None
    channel: str | None
    offered: int
    answered: int
    answered_within_target: int
    delayed: int
    abandoned: int
    waiting_at_end: int
    resolved: int
    service_level: float
    probability_of_wait: float
    abandonment_rate: float
    mean_wait_seconds: float
    wait_percentiles_seconds: FloatArray
    backlog: IntArray

    def wait_percentile(self, percent: float) -> float:
        """Waiting time (seconds) of answered contacts at one of :data:`PERCENTILES`."""
        return float(self.wait_percentiles_seconds[PERCENTILES.index(percent)])


@dataclass(frozen=True)
class GroupResult:
    """Staffing and workload of one agent group per interval."""

    name: str
    level: int
    staffing: IntArray
    busy_seconds: FloatArray
    occupancy: FloatArray


@dataclass(frozen=True)
class SimulationResult:
    """Everything measured in one run.

    ``resolved_per_level[i]`` counts contacts resolved at level ``i + 1``;
    ``escalations`` counts moves L1→L2, L2→L3 and L3→L2 (hand-backs);
    ``returns`` counts moves back to First Level from L2 and from L3;
    ``contacts_reaching_level[i]`` counts contacts that entered a queue of level ``i + 1``
    at least once; ``lifetime_percentiles_seconds`` are the :data:`PERCENTILES` of the time
    from arrival to resolution of the resolved contacts (NaN if none). Contact counts
    cover the whole horizon; queue figures only visits entering after the warm-up.
    """

    interval_seconds: float
    n_intervals: int
    engine: str
    contacts: int
    resolved_per_level: IntArray
    escalations: IntArray
    abandoned: int
    waiting_at_end: int
    in_service_at_end: int
    contacts_reaching_level: IntArray
    lifetime_percentiles_seconds: FloatArray
    queues: tuple[QueueResult, ...]
    teams: tuple[QueueResult, ...]
    tiers: tuple[QueueResult, ...]
    groups: tuple[GroupResult, ...]
    returns: IntArray

    def tier(self, level: int) -> QueueResult:
        """Figures of one level, all teams and channels pooled."""
        return next(r for r in self.tiers if r.level == level)

    def team(self, level: int, team: str) -> QueueResult:
        """Figures of one team at one level, channels pooled."""
        return next(r for r in self.teams if r.level == level and r.team == team)

    def queue(self, level: int, team: str, channel: str) -> QueueResult:
        """Figures of one queue."""
        return next(
            r for r in self.queues if (r.level, r.team, r.channel) == (level, team, channel)
        )

    def group(self, name: str) -> GroupResult:
        """Figures of one agent group."""
        return next(g for g in self.groups if g.name == name)


@dataclass(frozen=True)
class _VisitFacts:
    """Per-visit outcome arrays of the visits counted in queue figures."""

    queue: IntArray
    wait: FloatArray
    answered: np.ndarray
    within: np.ndarray
    delayed: np.ndarray
    abandoned: np.ndarray
    waiting: np.ndarray
    late_waiting: np.ndarray
    resolved: np.ndarray


def _pooled(
    level: int,
    team: str | None,
    channel: str | None,
    facts: _VisitFacts,
    queues: list[int],
    backlog: IntArray,
) -> QueueResult:
    # A lookup table is several times faster than np.isin for a handful of queues.
    chosen = np.zeros(max(int(facts.queue.max(initial=0)), *queues) + 1, dtype=bool)
    chosen[queues] = True
    mask = chosen[facts.queue]
    answered = int(np.count_nonzero(facts.answered & mask))
    within = int(np.count_nonzero(facts.within & mask))
    abandoned = int(np.count_nonzero(facts.abandoned & mask))
    late = int(np.count_nonzero(facts.late_waiting & mask))
    delayed = int(np.count_nonzero(facts.delayed & mask))
    waits = facts.wait[facts.answered & mask]
    judged = answered + abandoned + late
    return QueueResult(
        level=level,
        team=team,
        channel=channel,
        offered=int(np.count_nonzero(mask)),
        answered=answered,
        answered_within_target=within,
        delayed=delayed,
        abandoned=abandoned,
        waiting_at_end=int(np.count_nonzero(facts.waiting & mask)),
        resolved=int(np.count_nonzero(facts.resolved & mask)),
        service_level=within / judged if judged else float("nan"),
        probability_of_wait=(delayed + abandoned + late) / judged if judged else float("nan"),
        abandonment_rate=abandoned / (answered + abandoned)
        if answered + abandoned
        else float("nan"),
        mean_wait_seconds=float(waits.mean()) if waits.size else float("nan"),
        wait_percentiles_seconds=(
            np.percentile(waits, PERCENTILES) if waits.size else np.full(len(PERCENTILES), np.nan)
        ),
        backlog=backlog,
    )


def _backlogs(
    layout: QueueLayout, workload: Workload, log: VisitLog, boundaries: FloatArray
) -> IntArray:
    """Contacts waiting in each queue at each boundary, shape (queues, boundaries)."""
    out = np.zeros((layout.n_queues, boundaries.size), dtype=np.int64)
    entered = ~np.isnan(log.enqueue)
    left = ~np.isnan(log.leave_queue)
    for q in np.unique(workload.visit_queue[entered]).tolist():
        mine = workload.visit_queue == q
        enq = np.sort(log.enqueue[mine & entered])
        gone = np.sort(log.leave_queue[mine & left])
        # A contact picked up exactly at a boundary waited through the interval before it.
        out[q] = np.searchsorted(enq, boundaries, "right") - np.searchsorted(
            gone, boundaries, "left"
        )
    return out


def _cumulative_busy(start: FloatArray, stop: FloatArray, boundaries: FloatArray) -> FloatArray:
    """Busy agent-seconds from 0 to each boundary, for services [start, stop)."""
    start, stop = np.sort(start), np.sort(stop)
    csum_start = np.concatenate(([0.0], np.cumsum(start)))
    csum_stop = np.concatenate(([0.0], np.cumsum(stop)))
    before_start = np.searchsorted(start, boundaries)
    before_stop = np.searchsorted(stop, boundaries)
    return (before_start * boundaries - csum_start[before_start]) - (
        before_stop * boundaries - csum_stop[before_stop]
    )


def _groups(
    model: DepartmentModel, log: VisitLog, boundaries: FloatArray
) -> tuple[GroupResult, ...]:
    results = []
    horizon = boundaries[-1]
    for g, group in enumerate(model.groups):
        mine = log.group == g
        cumulative = _cumulative_busy(
            log.leave_queue[mine], np.minimum(log.end[mine], horizon), boundaries
        )
        busy = np.diff(cumulative)
        capacity = group.staffing * model.interval_seconds
        with np.errstate(invalid="ignore", divide="ignore"):
            occupancy = np.where(capacity > 0, busy / capacity, np.nan)
        results.append(GroupResult(group.name, group.level, group.staffing, busy, occupancy))
    return tuple(results)


def _contact_of_visit(workload: Workload) -> IntArray:
    # The visits of a contact are consecutive, starting at its first visit.
    visits_per_contact = np.diff(np.r_[workload.contact_first_visit, workload.n_visits])
    return np.repeat(np.arange(workload.n_contacts), visits_per_contact)


def _reaching(workload: Workload, contact: IntArray, entered: np.ndarray) -> IntArray:
    counts = []
    for lv in (1, 2, 3):
        # Marking contacts in a flag array counts distinct ones without sorting.
        reached = np.zeros(workload.n_contacts, dtype=bool)
        reached[contact[entered & (workload.visit_level == lv)]] = True
        counts.append(int(np.count_nonzero(reached)))
    return np.array(counts, dtype=np.int64)


def _lifetimes(
    workload: Workload, contact: IntArray, log: VisitLog, resolved: np.ndarray
) -> FloatArray:
    contact = contact[resolved]
    lifetime = log.end[resolved] - workload.contact_time[contact]
    if lifetime.size == 0:
        return np.full(len(PERCENTILES), np.nan)
    percentiles: FloatArray = np.percentile(lifetime, PERCENTILES)
    return percentiles


def summarise(
    model: DepartmentModel,
    layout: QueueLayout,
    workload: Workload,
    log: VisitLog,
    warmup_seconds: float,
    engine: str,
) -> SimulationResult:
    """Turn a visit log into per-queue, per-team, per-tier and per-group figures."""
    horizon = model.horizon_seconds
    boundaries = np.arange(model.n_intervals + 1, dtype=np.float64) * model.interval_seconds
    entered = ~np.isnan(log.enqueue)
    served = log.group >= 0
    finished = served & (log.end < horizon)
    resolved = finished & ~workload.visit_more
    abandoned = ~np.isnan(log.leave_queue) & ~served
    waiting = entered & np.isnan(log.leave_queue)
    target = np.array([model.targets_seconds[c] for c in CHANNELS])[workload.visit_channel]
    wait = log.leave_queue - log.enqueue
    counted = entered & (log.enqueue >= warmup_seconds)
    facts = _VisitFacts(
        queue=workload.visit_queue[counted],
        wait=wait[counted],
        answered=served[counted],
        within=(served & (wait <= target))[counted],
        delayed=(served & (wait > 0))[counted],
        abandoned=abandoned[counted],
        waiting=waiting[counted],
        late_waiting=(waiting & (horizon - log.enqueue > target))[counted],
        resolved=resolved[counted],
    )
    backlog = _backlogs(layout, workload, log, boundaries[1:])
    active = sorted(set(np.unique(workload.visit_queue[entered]).tolist()))
    queue_results = []
    for q in active:
        level, team, channel = layout.describe(q)
        queue_results.append(_pooled(level, team, channel, facts, [q], backlog[q]))
    team_results, tier_results = [], []
    for level in (1, 2, 3):
        in_level = [q for q in active if layout.describe(q)[0] == level]
        if not in_level:
            continue
        tier_results.append(_pooled(level, None, None, facts, in_level, backlog[in_level].sum(0)))
        for team in layout.teams:
            mine = [q for q in in_level if layout.describe(q)[1] == team]
            if mine:
                team_results.append(_pooled(level, team, None, facts, mine, backlog[mine].sum(0)))
    contact = _contact_of_visit(workload)
    moved = finished & workload.visit_more
    move_from = workload.visit_level[moved]
    move_to = workload.visit_level[np.flatnonzero(moved) + 1]
    escalations = np.array(
        [
            np.count_nonzero((move_from == 1) & (move_to == 2)),
            np.count_nonzero((move_from == 2) & (move_to == 3)),
            np.count_nonzero((move_from == 3) & (move_to == 2)),
        ],
        dtype=np.int64,
    )
    returns = np.array(
        [np.count_nonzero((move_from == lv) & (move_to == 1)) for lv in (2, 3)], dtype=np.int64
    )
    return SimulationResult(
        interval_seconds=model.interval_seconds,
        n_intervals=model.n_intervals,
        engine=engine,
        contacts=workload.n_contacts,
        resolved_per_level=np.bincount(workload.visit_level[resolved], minlength=4)[1:].astype(
            np.int64
        ),
        escalations=escalations,
        abandoned=int(np.count_nonzero(abandoned)),
        waiting_at_end=int(np.count_nonzero(waiting)),
        in_service_at_end=int(np.count_nonzero(served & (log.end >= horizon))),
        contacts_reaching_level=_reaching(workload, contact, entered),
        lifetime_percentiles_seconds=_lifetimes(workload, contact, log, resolved),
        queues=tuple(queue_results),
        teams=tuple(team_results),
        tiers=tuple(tier_results),
        groups=_groups(model, log, boundaries),
        returns=returns,
    )
