"""Everything random in a simulation run, drawn up front in numpy batches.

A contact's whole path through the tiers (L1 → L2 → L3 → back to L2 …) does not depend on
the state of the department, so it is drawn before the event loop together with the
handling time and patience of every visit. The event loop then only reads numbers, which
keeps it fast and makes two engines fed the same workload comparable sample path by sample
path.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tierdesk.workforce.simulate_model import (
    CHANNELS,
    LEVELS,
    REAL_TIME_CHANNELS,
    DepartmentModel,
    FloatArray,
    IntArray,
)

_MAX_VISITS = 10_000


@dataclass(frozen=True)
class QueueLayout:
    """Numbering of the queues (level, team, channel) and who may serve each.

    Queue ``q`` is ``((level - 1) * n_teams + team) * 3 + channel``.
    """

    teams: tuple[str, ...]
    queue_groups: tuple[tuple[int, ...], ...]
    group_real_time_queues: tuple[tuple[int, ...], ...]
    group_email_queues: tuple[tuple[int, ...], ...]

    @property
    def n_queues(self) -> int:
        """Number of queues, used or not."""
        return len(self.queue_groups)

    def queue(self, level: int, team: int, channel: int) -> int:
        """Index of the queue of ``level`` (1–3), team index and channel index."""
        return ((level - 1) * len(self.teams) + team) * len(CHANNELS) + channel

    def describe(self, queue: int) -> tuple[int, str, str]:
        """(level, team, channel) of queue index ``queue``."""
        rest, channel = divmod(queue, len(CHANNELS))
        level, team = divmod(rest, len(self.teams))
        return level + 1, self.teams[team], CHANNELS[channel]


def build_layout(model: DepartmentModel) -> QueueLayout:
    """Number the queues and order, for each, the groups that may serve it.

    When several groups have an idle agent for an arriving contact, the most specialised
    group (fewest team × channel skills) takes it, so that generalists stay free for the
    work only they can do.
    """
    teams = model.teams
    n_queues = len(LEVELS) * len(teams) * len(CHANNELS)
    serving: list[list[int]] = [[] for _ in range(n_queues)]
    real_time: list[tuple[int, ...]] = []
    email: list[tuple[int, ...]] = []
    layout = QueueLayout(teams, (), (), ())
    for g, group in enumerate(model.groups):
        mine = [
            layout.queue(group.level, teams.index(team), CHANNELS.index(channel))
            for team in group.teams
            for channel in group.channels
        ]
        for q in mine:
            serving[q].append(g)
        real_time.append(tuple(q for q in mine if layout.describe(q)[2] in REAL_TIME_CHANNELS))
        email.append(tuple(q for q in mine if layout.describe(q)[2] == "email"))
    skills = [len(g.teams) * len(g.channels) for g in model.groups]
    ordered = tuple(tuple(sorted(groups, key=lambda g: (skills[g], g))) for groups in serving)
    return QueueLayout(teams, ordered, tuple(real_time), tuple(email))


@dataclass(frozen=True)
class Workload:
    """Contacts and their visits to the queues, with every random duration drawn.

    Contacts are sorted by arrival time; the visits of one contact are consecutive, so the
    visit after ``v`` is ``v + 1`` whenever ``visit_more[v]`` is true.
    """

    contact_time: FloatArray
    contact_first_visit: IntArray
    visit_queue: IntArray
    visit_level: IntArray
    visit_channel: IntArray
    visit_service: FloatArray
    visit_patience: FloatArray
    visit_more: np.ndarray

    @property
    def n_contacts(self) -> int:
        """Number of contacts arriving within the horizon."""
        return int(self.contact_time.size)

    @property
    def n_visits(self) -> int:
        """Number of queue visits the contacts would make if all were served."""
        return int(self.visit_queue.size)


def _arrivals(
    model: DepartmentModel, rng: np.random.Generator
) -> tuple[FloatArray, IntArray, IntArray]:
    """Arrival times (seconds), team and channel indices of all contacts, time-sorted."""
    width = model.interval_seconds
    starts = np.arange(model.n_intervals, dtype=np.float64) * width
    times, teams, channels = [], [], []
    for stream in model.streams:
        counts = rng.poisson(stream.rates)
        total = int(counts.sum())
        # Given the count, Poisson arrivals in an interval are uniform within it.
        times.append(np.repeat(starts, counts) + rng.random(total) * width)
        teams.append(np.full(total, model.teams.index(stream.team), dtype=np.int64))
        channels.append(np.full(total, CHANNELS.index(stream.channel), dtype=np.int64))
    time = np.concatenate(times)
    order = np.argsort(time, kind="stable")
    return time[order], np.concatenate(teams)[order], np.concatenate(channels)[order]


def _paths(model: DepartmentModel, n: int, rng: np.random.Generator) -> tuple[IntArray, IntArray]:
    """Contact index and level of every visit, ordered by contact then visit."""
    routing = model.routing
    # Indexed by level: the first move (L1→L2, L2→L3, L3→L2) and the return to L1.
    up = np.array([0.0, routing.escalate_l1, routing.escalate_l2, routing.hand_back_l3])
    up_returned = up.copy()
    up_returned[1] = (
        routing.escalate_l1 if routing.re_escalate_l1 is None else routing.re_escalate_l1
    )
    back = np.array([0.0, 0.0, routing.return_from_l2, routing.return_from_l3])
    first_move = np.array([0, 2, 3, 2], dtype=np.int64)
    entry = rng.choice(np.array(LEVELS), size=n, p=np.array(routing.entry_shares))
    contact_parts, level_parts, step_parts = [np.arange(n)], [entry], [np.zeros(n, np.int64)]
    alive, level = np.arange(n), entry
    # returned: came back to L1 at least once; seen_l1: has been at L1 (may return there).
    returned = np.zeros(n, dtype=bool)
    seen_l1 = entry == 1
    for step in range(1, _MAX_VISITS):
        u = rng.random(alive.size)
        if not routing.returns:
            # Forward-only routing: the same draws and outcome as before returns existed.
            moves = u < up[level]
            next_level = first_move[level]
        else:
            p_up = np.where(returned, up_returned[level], up[level])
            moves_up = u < p_up
            moves_back = ~moves_up & seen_l1 & (u < p_up + back[level])
            moves = moves_up | moves_back
            next_level = np.where(moves_back, 1, first_move[level])
            returned = (returned | moves_back)[moves]
            seen_l1 = seen_l1[moves]
        alive, level = alive[moves], next_level[moves]
        if alive.size == 0:
            break
        contact_parts.append(alive)
        level_parts.append(level)
        step_parts.append(np.full(alive.size, step, np.int64))
    else:
        raise ValueError("routing sends some contacts round the tiers more than 10,000 times")
    if len(contact_parts) == 1:
        return contact_parts[0], entry
    contact = np.concatenate(contact_parts)
    order = np.lexsort((np.concatenate(step_parts), contact))
    return contact[order], np.concatenate(level_parts)[order]


def draw_workload(
    model: DepartmentModel, layout: QueueLayout, rng: np.random.Generator
) -> Workload:
    """Draw arrivals, paths, handling times and patience for one run."""
    time, team, channel = _arrivals(model, rng)
    contact, level = _paths(model, time.size, rng)
    first_visit = np.searchsorted(contact, np.arange(time.size))
    visit_channel = channel[contact]
    queue = ((level - 1) * len(layout.teams) + team[contact]) * len(CHANNELS) + visit_channel
    more = np.zeros(contact.size, dtype=bool)
    more[:-1] = contact[1:] == contact[:-1]
    service = np.empty(contact.size)
    patience = np.full(contact.size, np.inf)
    for lv in LEVELS:
        for c, name in enumerate(CHANNELS):
            mask = (level == lv) & (visit_channel == c)
            count = int(mask.sum())
            if count == 0:
                continue
            distribution = model.handling.get((lv, name))
            if distribution is None:
                raise ValueError(f"no handling time given for level {lv} {name}")
            onward = model.handling_onward.get((lv, name))
            if onward is None:
                service[mask] = distribution.sample(rng, count)
                continue
            moving = mask & more
            resolving = mask & ~more
            service[resolving] = distribution.sample(rng, int(resolving.sum()))
            service[moving] = onward.sample(rng, int(moving.sum()))
    for c, name in enumerate(CHANNELS):
        distribution = model.patience.get(name)
        mask = visit_channel == c
        if distribution is not None and mask.any():
            patience[mask] = distribution.sample(rng, int(mask.sum()))
    return Workload(time, first_visit, queue, level, visit_channel, service, patience, more)
