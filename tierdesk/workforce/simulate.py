"""Discrete-event simulation of a tiered service department.

Contacts arrive per channel (phone, chat, email) and team as non-homogeneous Poisson
processes with a rate per interval (e.g. a forecast). First Level resolves a contact or
escalates it to Second Level, which resolves it or escalates it to Third Level, which
resolves it or hands it back to Second Level; Second and Third Level may also send it back
to First Level (e.g. to close it with the customer). Handling times depend on level and channel;
phone and chat contacts abandon when their patience runs out, email waits across days and
is only worked while someone is on shift. Agents come in groups with a level, a set of
teams and channels, and a number on shift per interval; an agent whose shift ends finishes
the current contact first.

Priority rule: a free agent takes, among the queues it may serve, the phone or chat
contact that has waited longest; only when none waits does it take the longest-waiting
email. An arriving contact goes to an idle agent of the most specialised group that may
serve it. Abandonment applies to each wait of a phone or chat contact, including after an
escalation (the customer is still waiting on the line), with a fresh patience per wait.

Example
-------
>>> import numpy as np
>>> from tierdesk.workforce.simulate import (
...     AgentGroup, ArrivalStream, DepartmentModel, Distribution, simulate)
>>> model = DepartmentModel(
...     interval_seconds=1800.0,
...     streams=(ArrivalStream("phone", "billing", np.full(48, 100.0)),),
...     groups=(AgentGroup("L1 billing", 1, ("billing",), np.full(48, 10)),),
...     handling={(1, "phone"): Distribution.exponential(300.0)},
... )
>>> result = simulate(model, seed=1)
>>> 0.0 <= result.tier(1).service_level <= 1.0
True
"""

from __future__ import annotations

import numpy as np

from tierdesk.workforce.simulate_engine import (
    VisitLog,
    fcfs_recursion_applies,
    run_events,
    run_fcfs_recursion,
)
from tierdesk.workforce.simulate_model import (
    CHANNELS,
    AgentGroup,
    ArrivalStream,
    Channel,
    DepartmentModel,
    Distribution,
    Routing,
    constant_staffing,
)
from tierdesk.workforce.simulate_results import (
    PERCENTILES,
    GroupResult,
    QueueResult,
    SimulationResult,
    summarise,
)
from tierdesk.workforce.simulate_workload import QueueLayout, build_layout, draw_workload

__all__ = [
    "PERCENTILES",
    "AgentGroup",
    "ArrivalStream",
    "Channel",
    "DepartmentModel",
    "Distribution",
    "GroupResult",
    "QueueResult",
    "Routing",
    "SimulationResult",
    "constant_staffing",
    "simulate",
]

ENGINES = ("auto", "events", "fcfs")


def _reachable_levels(model: DepartmentModel) -> set[int]:
    routing = model.routing
    levels = {lv for lv, share in zip((1, 2, 3), routing.entry_shares, strict=True) if share > 0}
    for _ in range(4):
        if 1 in levels and (routing.escalate_l1 > 0 or (routing.re_escalate_l1 or 0.0) > 0):
            levels.add(2)
        if (2 in levels and routing.return_from_l2 > 0) or (
            3 in levels and routing.return_from_l3 > 0
        ):
            levels.add(1)
        if 2 in levels and routing.escalate_l2 > 0:
            levels.add(3)
        if 3 in levels and routing.hand_back_l3 > 0:
            levels.add(2)
    return levels


def _check_coverage(model: DepartmentModel, layout: QueueLayout) -> None:
    """Refuse a model in which some contacts could never be served by any group."""
    levels = _reachable_levels(model)
    for stream in model.streams:
        for level in sorted(levels):
            q = layout.queue(level, layout.teams.index(stream.team), CHANNELS.index(stream.channel))
            if not layout.queue_groups[q]:
                raise ValueError(
                    f"no agent group serves level {level} {stream.channel} of team {stream.team!r}"
                )


def _as_generator(seed: int | np.random.Generator | None) -> np.random.Generator:
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(seed)


def simulate(
    model: DepartmentModel,
    *,
    seed: int | np.random.Generator | None = None,
    warmup_seconds: float = 0.0,
    progress: bool = False,
    engine: str = "auto",
) -> SimulationResult:
    """Simulate the department over the model's intervals.

    Parameters
    ----------
    model : DepartmentModel
        Arrivals, staffing, handling times, patience, routing and targets.
    seed : int or numpy.random.Generator, optional
        Seed of the run; the same seed gives the same result.
    warmup_seconds : float
        Queue figures only count visits entering a queue at or after this time (seconds);
        contact counts, backlog and occupancy cover the whole horizon.
    progress : bool
        Show a tqdm progress bar over the intervals (general engine only).
    engine : {"auto", "events", "fcfs"}
        ``"events"`` forces the general event loop; ``"fcfs"`` the exact station-by-station
        FCFS recursion (raises if it does not apply); ``"auto"`` uses the recursion when it
        is exact for the model, else the event loop. Both give the same result for the same
        seed wherever the recursion applies.

    Returns
    -------
    SimulationResult
        Figures per queue, team, tier and agent group.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, got {engine!r}")
    if not model.groups:
        raise ValueError("the model has no agent group")
    layout = build_layout(model)
    _check_coverage(model, layout)
    workload = draw_workload(model, layout, _as_generator(seed))
    staffing = np.stack([g.staffing for g in model.groups])
    routing = model.routing
    backward = routing.hand_back_l3 + routing.return_from_l2 + routing.return_from_l3
    exact = fcfs_recursion_applies(workload, layout, staffing, backward)
    if engine == "fcfs" and not exact:
        raise ValueError("the FCFS recursion is not exact for this model")
    log: VisitLog
    if engine == "fcfs" or (engine == "auto" and exact):
        log, used = run_fcfs_recursion(workload, layout, staffing, model.interval_seconds), "fcfs"
    else:
        log = run_events(workload, layout, staffing, model.interval_seconds, progress)
        used = "events"
    return summarise(model, layout, workload, log, warmup_seconds, used)
