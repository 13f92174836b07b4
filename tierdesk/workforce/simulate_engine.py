"""Event loops of the department simulator.

Two engines read the same :class:`~tierdesk.workforce.simulate_workload.Workload` and write
the same :class:`VisitLog`:

* :func:`run_events`, the general engine: a heap of service completions (plain tuples),
  arrivals read in time order from a pre-sorted array, staffing changes at interval
  boundaries, lazy abandonment (a waiting contact is found to have left when an agent
  reaches it, at its own deadline, so no abandonment event is ever scheduled).
* :func:`run_fcfs_recursion`, an exact shortcut for departments where every queue has its
  own group with constant staffing and contacts only move forward (L1 → L2 → L3): each
  station is then a FCFS multi-server queue, and the Kiefer–Wolfowitz recursion over a heap
  of the servers' free times gives the same waits, station after station. It produces the
  very same visit log as the general engine (tested sample path by sample path).
"""

from __future__ import annotations

import heapq
import math
from collections import deque
from dataclasses import dataclass

import numpy as np
from tqdm import tqdm

from tierdesk.workforce.simulate_model import FloatArray, IntArray
from tierdesk.workforce.simulate_workload import QueueLayout, Workload

_NAN = math.nan
_INF = math.inf


@dataclass(frozen=True)
class VisitLog:
    """What happened to every visit of the workload (times in seconds from the start).

    ``enqueue`` is NaN for visits never reached (the contact was still upstream at the end).
    ``leave_queue`` is the start of service or the moment of abandonment, NaN if still
    waiting at the end. ``group`` is the serving group, -1 if not served. ``end`` is the end
    of service (possibly after the horizon).
    """

    enqueue: FloatArray
    leave_queue: FloatArray
    end: FloatArray
    group: IntArray


def _log(
    enqueue: list[float], leave: list[float], group: list[int], workload: Workload
) -> VisitLog:
    served = np.array(group, dtype=np.int64)
    leave_queue = np.array(leave, dtype=np.float64)
    end = np.where(served >= 0, leave_queue + workload.visit_service, np.nan)
    return VisitLog(np.array(enqueue, dtype=np.float64), leave_queue, end, served)


def _blank(n: int) -> tuple[list[float], list[float], list[int]]:
    # Plain lists: reading a float from a list costs no allocation, unlike array('d').
    return [_NAN] * n, [_NAN] * n, [-1] * n


def run_events(
    workload: Workload,
    layout: QueueLayout,
    staffing: IntArray,
    interval_seconds: float,
    progress: bool = False,
) -> VisitLog:
    """Simulate with the general event loop.

    Parameters
    ----------
    workload : Workload
        Contacts, paths and durations drawn for this run.
    layout : QueueLayout
        Queue numbering and which groups serve which queues.
    staffing : ndarray of int, shape (groups, intervals)
        Agents on shift per group and interval (agents).
    interval_seconds : float
        Interval length in seconds.
    progress : bool
        Show a tqdm progress bar over the intervals.
    """
    n_groups, n_intervals = staffing.shape
    enqueue, leave, served_by = _blank(workload.n_visits)
    # Plain lists and tuples: indexing them is several times cheaper than numpy scalars.
    v_queue = workload.visit_queue.tolist()
    v_service = workload.visit_service.tolist()
    v_patience = workload.visit_patience.tolist()
    v_more = workload.visit_more.tolist()
    arrival_time = [*workload.contact_time.tolist(), _INF]
    arrival_visit = [*workload.contact_first_visit.tolist(), -1]
    queue_groups = layout.queue_groups
    real_time = layout.group_real_time_queues
    email = layout.group_email_queues
    queues: list[deque[int]] = [deque() for _ in range(layout.n_queues)]
    idle = [0] * n_groups
    leaving = [0] * n_groups  # busy agents whose shift has ended: they leave when done
    on_shift = [0] * n_groups
    plan = staffing.T.tolist()
    # Heap entries are (end of service, visit): the serving group is served_by[visit], and
    # a visit is in service at most once, so the keys are unique and the order of events
    # does not depend on the heap's layout.
    heap: list[tuple[float, int]] = [(_INF, -1)]  # sentinel: never empty
    push, pop, replace = heapq.heappush, heapq.heappop, heapq.heapreplace

    def next_contact(g: int, now: float) -> None:
        """Give a free agent of group ``g`` the longest-waiting contact, phone/chat first."""
        best_q, best_t = -1, _INF
        for q in real_time[g]:
            waiting = queues[q]
            while waiting:
                h = waiting[0]
                deadline = enqueue[h] + v_patience[h]
                if deadline >= now:
                    if enqueue[h] < best_t:
                        best_q, best_t = q, enqueue[h]
                    break
                waiting.popleft()
                leave[h] = deadline
        if best_q < 0:
            for q in email[g]:
                waiting = queues[q]
                if waiting and enqueue[waiting[0]] < best_t:
                    best_q, best_t = q, enqueue[waiting[0]]
            if best_q < 0:
                idle[g] += 1
                return
        v = queues[best_q].popleft()
        leave[v] = now
        served_by[v] = g
        push(heap, (now + v_service[v], v))

    def offer(v: int, now: float) -> None:
        enqueue[v] = now
        q = v_queue[v]
        for g in queue_groups[q]:
            if idle[g]:
                idle[g] -= 1
                leave[v] = now
                served_by[v] = g
                push(heap, (now + v_service[v], v))
                return
        queues[q].append(v)

    def reshift(k: int, now: float) -> None:
        for g, wanted in enumerate(plan[k]):
            current = on_shift[g]
            if wanted > current:
                extra = wanted - current
                back = min(leaving[g], extra)
                leaving[g] -= back
                for _ in range(extra - back):
                    next_contact(g, now)
            elif wanted < current:
                fewer = current - wanted
                gone = min(idle[g], fewer)
                idle[g] -= gone
                leaving[g] += fewer - gone
            on_shift[g] = wanted

    i = 0
    next_arrival = arrival_time[0]
    previous: list[int] | None = None
    # With no patience anywhere the deadline test below never fails; skipping it saves
    # two list reads and an addition per service.
    patient = bool(np.all(np.isinf(workload.visit_patience)))
    with tqdm(total=n_intervals, disable=not progress, unit="interval") as bar:
        for k in range(n_intervals):
            start = k * interval_seconds
            if plan[k] != previous:
                reshift(k, start)
                previous = plan[k]
            horizon = start + interval_seconds
            while True:
                now, v = heap[0]
                if now < next_arrival:
                    if now >= horizon:
                        break
                    g = served_by[v]
                    if v_more[v]:
                        offer(v + 1, now)
                    if leaving[g]:
                        leaving[g] -= 1
                        pop(heap)
                        continue
                    # next_contact(g, now), inlined: it follows every service. The
                    # finished entry is still at the top of the heap (offer only pushes
                    # later keys), so a new service replaces it in one sift.
                    best_q, best_t = -1, _INF
                    for q in real_time[g]:
                        waiting = queues[q]
                        if patient:
                            if waiting:
                                h = waiting[0]
                                if enqueue[h] < best_t:
                                    best_q, best_t = q, enqueue[h]
                            continue
                        while waiting:
                            h = waiting[0]
                            deadline = enqueue[h] + v_patience[h]
                            if deadline >= now:
                                if enqueue[h] < best_t:
                                    best_q, best_t = q, enqueue[h]
                                break
                            waiting.popleft()
                            leave[h] = deadline
                    if best_q < 0:
                        for q in email[g]:
                            waiting = queues[q]
                            if waiting and enqueue[waiting[0]] < best_t:
                                best_q, best_t = q, enqueue[waiting[0]]
                        if best_q < 0:
                            idle[g] += 1
                            pop(heap)
                            continue
                    v = queues[best_q].popleft()
                    leave[v] = now
                    served_by[v] = g
                    replace(heap, (now + v_service[v], v))
                else:
                    if next_arrival >= horizon:
                        break
                    # An external arrival, inlined: it is the most frequent event.
                    now = next_arrival
                    v = arrival_visit[i]
                    i += 1
                    next_arrival = arrival_time[i]
                    enqueue[v] = now
                    q = v_queue[v]
                    for g in queue_groups[q]:
                        if idle[g]:
                            idle[g] -= 1
                            leave[v] = now
                            served_by[v] = g
                            push(heap, (now + v_service[v], v))
                            break
                    else:
                        queues[q].append(v)
            bar.update(1)
    _close_queues(queues, enqueue, leave, v_patience, n_intervals * interval_seconds)
    return _log(enqueue, leave, served_by, workload)


def _close_queues(
    queues: list[deque[int]],
    enqueue: list[float],
    leave: list[float],
    patience: list[float],
    horizon: float,
) -> None:
    """Record as abandoned the waiting contacts whose patience ran out before the horizon."""
    for waiting in queues:
        for h in waiting:
            deadline = enqueue[h] + patience[h]
            if deadline < horizon:
                leave[h] = deadline


def fcfs_recursion_applies(
    workload: Workload, layout: QueueLayout, staffing: IntArray, backward: float
) -> bool:
    """Whether :func:`run_fcfs_recursion` is exact for this department.

    ``backward`` is the sum of the routing's probabilities of moving down a level
    (hand-back to L2, returns to L1). The recursion is exact when contacts never go back
    (``backward`` is 0), every group serves at most one queue
    that receives contacts, no such queue has two groups, and every group's staffing is
    constant and positive.
    """
    if backward > 0 or staffing.shape[0] == 0:
        return False
    active = set(np.unique(workload.visit_queue).tolist())
    for rt, em in zip(layout.group_real_time_queues, layout.group_email_queues, strict=True):
        if len(active.intersection(rt + em)) > 1:
            return False
    if any(len(layout.queue_groups[q]) > 1 for q in active):
        return False
    return bool(np.all(staffing == staffing[:, :1]) and np.all(staffing[:, 0] > 0))


def run_fcfs_recursion(
    workload: Workload, layout: QueueLayout, staffing: IntArray, interval_seconds: float
) -> VisitLog:
    """Simulate a feed-forward department of single-group FCFS stations exactly.

    Each station is a FCFS queue with ``c`` servers: a contact arriving at ``t`` starts at
    ``max(t, f)`` where ``f`` is the earliest time a server is free of the earlier contacts
    (Kiefer & Wolfowitz, 1955), or abandons at ``t + patience`` if that comes first.
    Stations are visited level by level, since escalated contacts only move to a higher
    level when hand-back is impossible.
    """
    horizon = staffing.shape[1] * interval_seconds
    n = workload.n_visits
    enqueue, leave, served_by = _blank(n)
    servers = {
        q: int(staffing[groups[0], 0]) for q, groups in enumerate(layout.queue_groups) if groups
    }
    group_of = {q: groups[0] for q, groups in enumerate(layout.queue_groups) if groups}
    v_service = workload.visit_service.tolist()
    v_patience = workload.visit_patience.tolist()
    v_more = workload.visit_more.tolist()
    v_queue = workload.visit_queue
    entry_time = np.full(n, np.nan)
    entry_time[workload.contact_first_visit] = workload.contact_time
    per_level = len(layout.teams) * 3
    for level in range(3):
        for q in range(level * per_level, (level + 1) * per_level):
            visits = np.flatnonzero((v_queue == q) & ~np.isnan(entry_time))
            if visits.size == 0:
                continue
            visits = visits[np.argsort(entry_time[visits], kind="stable")]
            times = entry_time[visits].tolist()
            if q not in servers:
                for v, t in zip(visits.tolist(), times, strict=True):
                    enqueue[v] = t
                    if t + v_patience[v] < horizon:
                        leave[v] = t + v_patience[v]
                continue
            g = group_of[q]
            free = [0.0] * servers[q]
            replace = heapq.heapreplace
            escalated: list[int] = []
            escalated_at: list[float] = []
            for v, t in zip(visits.tolist(), times, strict=True):
                enqueue[v] = t
                f = free[0]
                if f > t and f - t > v_patience[v]:
                    if t + v_patience[v] < horizon:
                        leave[v] = t + v_patience[v]
                    continue
                begin = t if f <= t else f
                if begin >= horizon:
                    continue
                done = begin + v_service[v]
                replace(free, done)
                leave[v] = begin
                served_by[v] = g
                if done < horizon and v_more[v]:
                    escalated.append(v + 1)
                    escalated_at.append(done)
            if escalated:
                entry_time[escalated] = escalated_at
    return _log(enqueue, leave, served_by, workload)
