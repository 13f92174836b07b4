"""Recomputing the SLA clocks of many tickets at once (history imports, policy changes).

``sla_recompute`` reads one ticket's facts with several queries and writes its
rows one by one: right for a single change, slow for ten thousand tickets. This
module computes exactly the same rows — it calls the same
``services.target_rows`` with the same pure clocks — but reads and writes a
batch of tickets at a time with a fixed number of queries, in one transaction
per batch:

* the tickets (locked) with their organisations, their stored targets, their
  public messages and status changes: one query each;
* policies, policy names and calendars once per call;
* the rows written with one delete and bulk inserts, ``Ticket.sla_due_at`` with
  one bulk update, and the timeline events with one bulk insert.

Solved and closed tickets are history: whatever ``sla_process_due`` would record
for them (a breach met late; a warning cannot fall due on a stopped clock) is
recorded here at once, as the same timeline events and row marks, without
notifications or escalation actions — exactly what ``sla_process_due`` does for
a ticket that is no longer open — and no background check is queued for them.
Open tickets get their next check queued as ``sla_recompute`` queues it; their
breaches are recorded by that check or the periodic sweep, with notices and
actions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from tierdesk.sla.calendars import CalendarBook
from tierdesk.sla.models import SlaPolicy, TicketSlaTarget
from tierdesk.sla.policies import PolicyRule, first_matching
from tierdesk.sla.services import (
    EVENT_BREACHED,
    breach_event,
    due_to_record,
    enqueue_check_on_commit,
    history_of,
    next_check,
    plan_next_check,
    policy_rules,
    target_rows,
    ticket_facts,
    warning_event,
)
from tierdesk.tickets.models import EventKind, Message, Ticket, TimelineEvent

DEFAULT_BATCH_SIZE = 500

# What the clocks and the policy conditions read of a ticket; nothing else is loaded.
_TICKET_FIELDS = (
    "id",
    "number",
    "status",
    "priority",
    "team_id",
    "level_id",
    "channel",
    "type",
    "language",
    "organisation_id",
    "organisation__is_key_account",
    "created_at",
    "updated_at",
    "first_response_at",
    "sla_due_at",
)


@dataclass(frozen=True)
class _Setup:
    """What every batch shares: read once per call."""

    rules: list[PolicyRule]
    policy_names: dict[int, str]
    calendars: CalendarBook


def sla_recompute_in_bulk(
    tickets: QuerySet[Ticket] | Iterable[int],
    *,
    now: datetime | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> int:
    """Recompute the SLA clocks of ``tickets`` (a queryset or ticket ids). Returns how many.

    Gives the same rows and ``sla_due_at`` as ``sla_recompute`` on each ticket
    and records the due breaches of solved and closed tickets as
    ``sla_process_due`` would. Each batch of ``batch_size`` tickets is one
    transaction with a number of queries that does not depend on its size.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    now = now or timezone.now()
    if isinstance(tickets, QuerySet):
        ids = list(tickets.order_by("pk").values_list("pk", flat=True))
    else:
        ids = sorted({int(ticket_id) for ticket_id in tickets})
    if not ids:
        return 0
    setup = _Setup(
        rules=policy_rules(),
        policy_names=dict(SlaPolicy.objects.values_list("pk", "name")),
        calendars=CalendarBook.load(),
    )
    done = 0
    for chunk in _chunks(ids, batch_size):
        with transaction.atomic():
            done += _recompute_batch(chunk, setup, now)
    return done


def _chunks(ids: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _grouped(rows: Iterable[tuple[Any, ...]]) -> dict[int, list[tuple[Any, ...]]]:
    """``(ticket_id, *rest)`` rows to ``{ticket_id: [rest, …]}``, order kept."""
    grouped: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for ticket_id, *rest in rows:
        grouped[ticket_id].append(tuple(rest))
    return grouped


def _recompute_batch(ids: Sequence[int], setup: _Setup, now: datetime) -> int:
    tickets = list(
        Ticket.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .only(*_TICKET_FIELDS)
        .filter(pk__in=ids)
        .order_by("pk")
    )
    found = [ticket.pk for ticket in tickets]
    existing: dict[int, dict[str, TicketSlaTarget]] = defaultdict(dict)
    for row in TicketSlaTarget.objects.filter(ticket_id__in=found):
        existing[row.ticket_id][row.name] = row
    messages = _grouped(
        Message.objects.filter(ticket_id__in=found, is_public=True)
        .order_by("ticket_id", "created_at", "id")
        .values_list("ticket_id", "created_at", "from_customer")
    )
    status_changes = _grouped(
        TimelineEvent.objects.filter(ticket_id__in=found, kind=EventKind.STATUS)
        .order_by("ticket_id", "created_at", "id")
        .values_list("ticket_id", "created_at", "data")
    )

    rows: list[TicketSlaTarget] = []
    events: list[TimelineEvent] = []
    due_changed: list[Ticket] = []
    for ticket in tickets:
        rule = first_matching(setup.rules, ticket_facts(ticket))
        calendar = (
            setup.calendars.calendar_for(rule.calendar_id, ticket.team_id)
            if rule is not None
            else None
        )
        computed = target_rows(
            ticket,
            rule=rule,
            calendar=calendar,
            history=partial(
                history_of,
                ticket,
                status_changes=status_changes.get(ticket.pk, ()),
                public_messages=messages.get(ticket.pk, ()),
            ),
            existing=existing.get(ticket.pk, {}),
            now=now,
        )
        if ticket.is_open:
            when = plan_next_check(computed.kept)
            if when is not None:
                enqueue_check_on_commit(ticket.pk, when, now)
        else:
            events += _record_history(ticket, computed.kept, setup, now)
        rows += computed.kept
        due = computed.due
        if due != ticket.sla_due_at:
            ticket.sla_due_at = due
            due_changed.append(ticket)

    if existing:
        TicketSlaTarget.objects.filter(ticket_id__in=list(existing)).delete()
    TicketSlaTarget.objects.bulk_create(rows)
    if events:
        TimelineEvent.objects.bulk_create(events)
    if due_changed:
        Ticket.objects.bulk_update(due_changed, ["sla_due_at"])
    return len(tickets)


def _record_history(
    ticket: Ticket, rows: list[TicketSlaTarget], setup: _Setup, now: datetime
) -> list[TimelineEvent]:
    """What ``sla_process_due`` records for a ticket no longer open: events, no notices."""
    events = []
    for row, kind in due_to_record(rows, now):
        make = breach_event if kind == EVENT_BREACHED else warning_event
        name = setup.policy_names.get(row.policy_id) if row.policy_id is not None else None
        events.append(make(ticket.pk, row, now, policy_name=name))
        row.next_check_at = next_check(row)
    return events
