"""Every historic ticket has the timeline the ticket services would have written."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, Q

from tierdesk.demo.loader import DemoSummary
from tierdesk.tickets.models import (
    Escalation,
    EventKind,
    Message,
    Ticket,
    TicketType,
    TimelineEvent,
)


def test_one_created_event_per_ticket(small_demo: DemoSummary) -> None:
    counts = Ticket.objects.annotate(
        created=Count("events", filter=Q(events__kind=EventKind.CREATED)),
        routed=Count("events", filter=Q(events__kind=EventKind.ROUTED)),
    )
    assert counts.count() == small_demo.tickets > 0
    for ticket in counts:
        assert ticket.created == 1, ticket.number
        assert ticket.routed == (0 if ticket.type == TicketType.PROBLEM else 1), ticket.number


def test_event_kinds_and_data_keys_match_the_services(medium_demo: DemoSummary) -> None:
    keys = {
        EventKind.CREATED: ({"channel", "subject"}, {"channel", "from_ticket"}),
        EventKind.ROUTED: ({"team", "level", "priority", "type", "reasons"},),
        EventKind.STATUS: ({"old", "new"},),
        EventKind.ASSIGNEE: ({"old", "new"},),
        EventKind.TYPE: ({"old", "new"},),
        EventKind.PRIORITY: ({"old", "new"},),
        EventKind.ESCALATED: ({"old", "new", "reason", "summary"},),
        EventKind.DE_ESCALATED: ({"old", "new", "reason", "summary"},),
        EventKind.REPLY: ({"message_id"},),
        EventKind.NOTE: ({"message_id"},),
        EventKind.CUSTOMER_MESSAGE: ({"message_id"},),
        EventKind.HELP_REQUESTED: ({"helper", "question"},),
        EventKind.HELP_ANSWERED: ({"requested_by", "answer"},),
        EventKind.MERGED: ({"merged_from", "messages"}, {"merged_into"}),
        EventKind.PROBLEM_LINKED: ({"problem"}, {"ticket"}),
        EventKind.PROBLEM_SOLVED: ({"solution"}, {"problem", "solution"}),
    }
    seen: Counter[str] = Counter()
    for kind, data in TimelineEvent.objects.values_list("kind", "data").iterator():
        assert kind in EventKind.values
        if kind in keys:
            assert set(data) in [set(k) for k in keys[kind]], (kind, data)
        seen[kind] += 1
    for kind in (EventKind.ESCALATED, EventKind.REPLY, EventKind.STATUS, EventKind.CSAT):
        assert seen[kind] > 0, kind


def test_reply_events_point_at_public_messages_of_their_ticket(small_demo: DemoSummary) -> None:
    messages = {m.pk: m for m in Message.objects.all()}
    replies = TimelineEvent.objects.filter(kind=EventKind.REPLY).select_related("ticket")
    assert replies.exists()
    for event in replies:
        message = messages[event.data["message_id"]]
        assert message.is_public and not message.from_customer
        # A merged duplicate's messages live on the ticket it was merged into.
        assert message.ticket_id in (event.ticket_id, event.ticket.merged_into_id)
        assert message.created_at == event.created_at or event.created_at >= message.created_at


def test_every_escalation_has_its_event(medium_demo: DemoSummary) -> None:
    escalations = Escalation.objects.count()
    events = TimelineEvent.objects.filter(
        kind__in=[EventKind.ESCALATED, EventKind.DE_ESCALATED]
    ).count()
    assert escalations == events > 0


def test_state_fits_the_timeline(medium_demo: DemoSummary) -> None:
    """A solved ticket has a solve time; the last STATUS event gives the status."""
    last_status: dict[int, str] = {}
    for ticket_id, data in (
        TimelineEvent.objects.filter(kind=EventKind.STATUS)
        .order_by("created_at", "id")
        .values_list("ticket_id", "data")
    ):
        last_status[ticket_id] = data["new"]
    for ticket in Ticket.objects.exclude(type=TicketType.PROBLEM).iterator():
        if ticket.pk in last_status and ticket.status != "open":
            # An escalation from "new" opens the ticket without a status event.
            assert ticket.status == last_status[ticket.pk], ticket.number
        if ticket.status in ("solved", "closed"):
            assert ticket.solved_at is not None and ticket.solved_at >= ticket.created_at
        if ticket.first_response_at is not None:
            assert ticket.first_response_at >= ticket.created_at
        assert ticket.version >= 1
