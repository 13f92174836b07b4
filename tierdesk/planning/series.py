"""Arrival series of each team × level × queue kind, rebuilt from the tickets' timelines.

A ticket *enters* a queue (team, level) when it is created there, when it is moved to
another team or level (escalation, hand-back, transfer) and when it is reopened. Each
entry is work for the queue it enters, so planning counts all of them, with the kind
of entry kept apart for the pages. The team and level at creation are not stored on
the ticket; they are recovered by walking its moves back from the current state.

Counts are made on local wall-clock intervals (the department's time zone), which is
what opening hours, shifts and the forecast's intraday profile are defined on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
from django.db.models import Q

from tierdesk.planning.models import CHANNEL_KIND
from tierdesk.tickets.models import EventKind, Status, Ticket, TimelineEvent

CLOSED_STATUSES = (Status.SOLVED, Status.CLOSED)
REOPENED_TO = ("new", "open", "pending_customer", "on_hold")
MOVE_KINDS = (EventKind.TEAM, EventKind.LEVEL, EventKind.ESCALATED, EventKind.DE_ESCALATED)


@dataclass(frozen=True)
class QueueEntry:
    """One ticket entering one queue (kind: arrival, escalation, hand_back, transfer, reopen)."""

    ticket_id: int
    at: datetime
    team_slug: str
    level_code: str
    channel: str
    kind: str


@dataclass
class _State:
    team: str
    level: str


def _move_target(event_kind: str, data: dict[str, object], state: _State) -> tuple[str, str]:
    team, level = state.team, state.level
    if event_kind == EventKind.TEAM:
        team = str(data.get("new") or team)
    elif event_kind == EventKind.LEVEL:
        level = str(data.get("new") or level)
    else:
        level = str(data.get("new") or level)
        team = str(data.get("new_team") or team)
    return team, level


def _initial_state(current: _State, moves: list[tuple[str, dict[str, object]]]) -> _State:
    """Team and level at creation: the current ones, with every move undone from the last."""
    team, level = current.team, current.level
    for event_kind, data in reversed(moves):
        if event_kind == EventKind.TEAM:
            team = str(data.get("old") or team)
        elif event_kind == EventKind.LEVEL:
            level = str(data.get("old") or level)
        else:
            level = str(data.get("old") or level)
            team = str(data.get("old_team") or team)
    return _State(team, level)


ENTRY_KIND: dict[str, str] = {
    EventKind.TEAM: "transfer",
    EventKind.LEVEL: "transfer",
    EventKind.ESCALATED: "escalation",
    EventKind.DE_ESCALATED: "hand_back",
}


def _relevant_events() -> Q:
    moves = Q(kind__in=MOVE_KINDS)
    reopen = Q(kind=EventKind.STATUS, data__old__in=CLOSED_STATUSES, data__new__in=REOPENED_TO)
    return moves | reopen | Q(kind=EventKind.CREATED)


def queue_entries(
    *, start: datetime | None, end: datetime, chunk_size: int = 2000
) -> Iterator[QueueEntry]:
    """Every entry of a ticket into a queue in ``[start, end)``, oldest ticket first.

    Tickets are read in chunks of ``chunk_size`` with their relevant events, so memory
    stays bounded on a large desk; merged-away problem records are left out.
    """
    tickets = Ticket.objects.filter(created_at__lt=end).exclude(type="problem")
    if start is not None:
        # A ticket created before the window can still be escalated or reopened in it.
        touched = TimelineEvent.objects.filter(
            _relevant_events(), created_at__gte=start, created_at__lt=end
        ).values("ticket_id")
        tickets = tickets.filter(Q(created_at__gte=start) | Q(pk__in=touched))
    rows = tickets.order_by("pk").values_list("pk", "team__slug", "level__code", "channel")
    batch: list[tuple[int, str, str, str]] = []
    for row in rows.iterator(chunk_size=chunk_size):
        batch.append(row)
        if len(batch) >= chunk_size:
            yield from _entries_of(batch, start, end)
            batch = []
    if batch:
        yield from _entries_of(batch, start, end)


def _entries_of(
    tickets: list[tuple[int, str, str, str]], start: datetime | None, end: datetime
) -> Iterable[QueueEntry]:
    ids = [row[0] for row in tickets]
    events: dict[int, list[tuple[str, datetime, dict[str, object]]]] = {pk: [] for pk in ids}
    # All moves up to now are read, also those after ``end``: the team and level at
    # creation are found by undoing every move from the ticket's current state.
    query = TimelineEvent.objects.filter(_relevant_events(), ticket_id__in=ids)
    for ticket_id, kind, at, data in query.order_by("created_at", "pk").values_list(
        "ticket_id", "kind", "created_at", "data"
    ):
        events[ticket_id].append((kind, at, data or {}))
    for pk, team, level, channel in tickets:
        history = events[pk]
        moves = [(kind, data) for kind, _at, data in history if kind in MOVE_KINDS]
        state = _initial_state(_State(team, level), moves)
        for kind, at, data in history:
            if kind in MOVE_KINDS:
                state.team, state.level = _move_target(kind, data, state)
            if at >= end or (start is not None and at < start):
                continue
            entry_kind = "arrival" if kind == EventKind.CREATED else ENTRY_KIND.get(kind, "reopen")
            yield QueueEntry(pk, at, state.team, state.level, channel, entry_kind)


def entry_frame(entries: Iterable[QueueEntry], time_zone: str) -> pd.DataFrame:
    """Entries as a table with local wall-clock times and the queue kind of their channel."""
    rows = [
        (e.at, e.team_slug, e.level_code, str(CHANNEL_KIND.get(e.channel, "written")), e.kind)
        for e in entries
    ]
    frame = pd.DataFrame(rows, columns=["at", "team", "level", "queue", "entry"])
    if frame.empty:
        frame["local"] = pd.Series(dtype="datetime64[ns]")
        return frame
    at = pd.to_datetime(frame["at"], utc=True)
    frame["local"] = at.dt.tz_convert(ZoneInfo(time_zone)).dt.tz_localize(None)
    return frame


def counts_per_interval(
    frame: pd.DataFrame,
    *,
    first: pd.Timestamp,
    last: pd.Timestamp,
    interval_minutes: int,
) -> dict[tuple[str, str, str], pd.Series]:
    """Entries per (team, level, queue kind) and local interval on ``[first, last)``, gap-free."""
    index = pd.date_range(first, last, freq=f"{interval_minutes}min", inclusive="left")
    result: dict[tuple[str, str, str], pd.Series] = {}
    if frame.empty:
        return result
    inside = frame[(frame["local"] >= first) & (frame["local"] < last)]
    bins = inside["local"].dt.floor(f"{interval_minutes}min")
    grouped = inside.assign(bin=bins).groupby(["team", "level", "queue", "bin"]).size()
    for (team, level, queue), counts in grouped.groupby(level=[0, 1, 2]):
        series = counts.droplevel([0, 1, 2]).reindex(index, fill_value=0).astype(np.float64)
        result[(str(team), str(level), str(queue))] = series
    return result
