"""SLA clocks of one ticket, replayed from its history. Pure Python (no Django).

The same history always gives the same clocks, so recomputing after any change
(a message, a status change, a new policy or calendar, reopening) is safe.

* First response runs from creation until the first public reply (or until the
  ticket is solved without one).
* Next response runs from the first customer message after a public reply
  until the next public reply (or solving); only the latest such cycle is kept.
* Resolution runs from creation until solved; the pausing statuses (by default
  waiting for customer and on hold) and the time spent solved before a reopen
  do not count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tierdesk.sla.business_time import (
    BusinessCalendar,
    add_business_minutes,
    business_minutes_between,
)

FIRST_RESPONSE = "first_response"
NEXT_RESPONSE = "next_response"
RESOLUTION = "resolution"
RUNNING, PAUSED, MET, BREACHED = "running", "paused", "met", "breached"
STOPPING_STATUSES = frozenset({"solved", "closed"})


@dataclass(frozen=True)
class TicketHistory:
    """What the clocks depend on. ``statuses``: (since, status), the first at creation."""

    created_at: datetime
    statuses: tuple[tuple[datetime, str], ...]
    public_messages: tuple[tuple[datetime, bool], ...]  # (at, from_customer)
    first_response_at: datetime | None


@dataclass(frozen=True)
class TargetRules:
    """Business minutes per target (``None``: no target) and what pauses resolution."""

    first_response: int | None
    next_response: int | None
    resolution: int | None
    pause_statuses: frozenset[str]
    warning_share: float = 0.8


@dataclass(frozen=True)
class Clock:
    name: str
    target_minutes: int
    started_at: datetime
    due_at: datetime | None
    warn_at: datetime | None
    business_minutes_used: float
    paused_since: datetime | None
    paused_intervals: tuple[tuple[datetime, datetime | None], ...]
    met_at: datetime | None
    state: str


# An active stretch of a clock: (start, end), end None while it still runs.
Segment = tuple[datetime, datetime | None]


def compute_clocks(
    calendar: BusinessCalendar, history: TicketHistory, rules: TargetRules, now: datetime
) -> list[Clock]:
    """All clocks the rules ask for, as of ``now``."""
    clocks = []
    if rules.first_response is not None:
        clocks.append(_first_response(calendar, history, rules, now))
    if rules.next_response is not None:
        clock = _next_response(calendar, history, rules, now)
        if clock is not None:
            clocks.append(clock)
    if rules.resolution is not None:
        clocks.append(_resolution(calendar, history, rules, now))
    return clocks


def _first_stop_after(history: TicketHistory, start: datetime) -> datetime | None:
    """When the ticket was next solved or closed at or after ``start``."""
    for since, status in history.statuses:
        if since >= start and status in STOPPING_STATUSES:
            return since
    return None


def _current_stop(history: TicketHistory) -> datetime | None:
    """When the ticket became solved or closed, if it is so now."""
    since, status = history.statuses[-1]
    if status not in STOPPING_STATUSES:
        return None
    for earlier_since, earlier_status in reversed(history.statuses):
        if earlier_status not in STOPPING_STATUSES:
            break
        since = earlier_since
    return since


def _earliest(*instants: datetime | None) -> datetime | None:
    present = [instant for instant in instants if instant is not None]
    return min(present) if present else None


def _not_before(start: datetime, instant: datetime | None) -> datetime | None:
    return max(start, instant) if instant is not None else None


def _first_response(
    calendar: BusinessCalendar, history: TicketHistory, rules: TargetRules, now: datetime
) -> Clock:
    assert rules.first_response is not None
    start = history.created_at
    stop = _not_before(
        start, _earliest(history.first_response_at, _first_stop_after(history, start))
    )
    return _clock(calendar, FIRST_RESPONSE, rules.first_response, rules, [(start, stop)], stop, now)


def _next_response(
    calendar: BusinessCalendar, history: TicketHistory, rules: TargetRules, now: datetime
) -> Clock | None:
    assert rules.next_response is not None
    answered, waiting_since = False, None
    cycle: Segment | None = None
    for at, from_customer in sorted(history.public_messages):
        if not from_customer:
            if waiting_since is not None:
                cycle = (waiting_since, at)
                waiting_since = None
            answered = True
        elif answered and waiting_since is None:
            waiting_since = at
    if waiting_since is not None:
        cycle = (waiting_since, None)
    if cycle is None:
        return None
    start, replied = cycle
    stop = _not_before(start, _earliest(replied, _first_stop_after(history, start)))
    return _clock(calendar, NEXT_RESPONSE, rules.next_response, rules, [(start, stop)], stop, now)


def _resolution(
    calendar: BusinessCalendar, history: TicketHistory, rules: TargetRules, now: datetime
) -> Clock:
    assert rules.resolution is not None
    not_counting = rules.pause_statuses | STOPPING_STATUSES
    active: list[Segment] = []
    paused: list[Segment] = []
    changes = list(history.statuses)
    for index, (since, status) in enumerate(changes):
        until = changes[index + 1][0] if index + 1 < len(changes) else None
        if until is not None and until <= since:
            continue
        if status not in not_counting:
            active.append((since, until))
        elif status in rules.pause_statuses:
            paused.append((since, until))
    stop = _current_stop(history)
    clock = _clock(calendar, RESOLUTION, rules.resolution, rules, active, stop, now)
    paused_since = paused[-1][0] if paused and paused[-1][1] is None else None
    return Clock(
        name=clock.name,
        target_minutes=clock.target_minutes,
        started_at=history.created_at,
        due_at=clock.due_at,
        warn_at=clock.warn_at,
        business_minutes_used=clock.business_minutes_used,
        paused_since=paused_since,
        paused_intervals=tuple(paused),
        met_at=clock.met_at,
        state=clock.state,
    )


def _clock(
    calendar: BusinessCalendar,
    name: str,
    target: int,
    rules: TargetRules,
    active: list[Segment],
    stop: datetime | None,
    now: datetime,
) -> Clock:
    """A clock counting the ``active`` segments; ``stop`` is when it was met (or ended)."""
    due_at = _instant_reaching(calendar, active, target)
    warn_at = (
        _instant_reaching(calendar, active, target * rules.warning_share)
        if 0 < rules.warning_share < 1
        else None
    )
    used = sum(
        business_minutes_between(calendar, start, min(end or now, now))
        for start, end in active
        if start < now
    )
    running = bool(active) and active[-1][1] is None
    if stop is not None:
        state = MET if due_at is None or stop <= due_at else BREACHED
        if due_at is None and active and active[-1][1] == stop:
            # Met in time: show the due time it was met against.
            due_at = _instant_reaching(calendar, [*active[:-1], (active[-1][0], None)], target)
    elif due_at is not None and due_at <= now:
        state = BREACHED
    else:
        state = RUNNING if running else PAUSED
    started_at = active[0][0] if active else now
    return Clock(
        name=name,
        target_minutes=target,
        started_at=started_at,
        due_at=due_at,
        warn_at=warn_at,
        business_minutes_used=max(used, 0.0),
        paused_since=None,
        paused_intervals=(),
        met_at=stop,
        state=state,
    )


def _instant_reaching(
    calendar: BusinessCalendar, active: list[Segment], threshold: float
) -> datetime | None:
    """When the active segments have accumulated ``threshold`` business minutes, if ever."""
    accumulated = 0.0
    for start, end in active:
        if end is None:
            return add_business_minutes(calendar, start, threshold - accumulated)
        length = business_minutes_between(calendar, start, end)
        if accumulated + length >= threshold:
            return add_business_minutes(calendar, start, threshold - accumulated)
        accumulated += length
    return None
