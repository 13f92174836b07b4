"""Creating tickets: numbering, routing, the first message, the first events."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from tierdesk.core.html import body_to_safe_html, clean_text, html_to_text
from tierdesk.tickets.errors import InvalidChange
from tierdesk.tickets.models import Channel, EventKind, Message, Priority, Ticket, TicketType
from tierdesk.tickets.services.base import (
    AttachmentUpload,
    after_ticket_change,
    check_attachments,
    files_removed_on_failure,
    next_ticket_number,
    publish,
    record_event,
    store_attachments,
)

if TYPE_CHECKING:
    from tierdesk.accounts.models import User
    from tierdesk.teams.models import Level, Team

MAX_SUBJECT_LENGTH = 250


def ticket_create(
    *,
    requester: User,
    subject: str,
    body: str,
    channel: str = Channel.WEB,
    actor: User | None = None,
    team: Team | None = None,
    level: Level | None = None,
    priority: int | None = None,
    ticket_type: str | None = None,
    attachments: Iterable[AttachmentUpload] = (),
    language: str | None = None,
    call_duration_seconds: int | None = None,
    created_at: datetime | None = None,
) -> Ticket:
    """Open a ticket for ``requester`` with a first public message.

    ``actor`` is who entered it: the requester on the portal or by mail, an agent
    logging a phone call, an API client. Team, level, priority and type not given
    are decided by the routing rules; the decision is written to the timeline.
    """
    from tierdesk.routing.services import route_new_ticket
    from tierdesk.teams.models import Level

    subject = " ".join(clean_text(subject).split())
    if not subject:
        raise InvalidChange("A request needs a subject.")
    if not body.strip():
        raise InvalidChange("A request needs a message.")
    if channel not in Channel.values:
        raise InvalidChange(f"Unknown channel “{channel}”.")
    if ticket_type is not None and ticket_type not in TicketType.values:
        raise InvalidChange(f"Unknown type “{ticket_type}”.")
    if priority is not None and priority not in Priority.values:
        raise InvalidChange(f"Unknown priority “{priority}”.")
    uploads = check_attachments(attachments)
    body_html = body_to_safe_html(body)
    now = created_at or timezone.now()
    decision = route_new_ticket(
        subject=subject,
        body=html_to_text(body_html),
        channel=channel,
        ticket_type=ticket_type,
        requester=requester,
    )
    with files_removed_on_failure() as written, transaction.atomic():
        ticket = Ticket.objects.create(
            number=next_ticket_number(),
            subject=subject[:MAX_SUBJECT_LENGTH],
            requester=requester,
            organisation=requester.organisation,
            channel=channel,
            team=team or decision.team,
            level=level or decision.level or Level.objects.get(code="L1"),
            priority=priority or decision.priority or Priority.NORMAL,
            type=ticket_type or decision.ticket_type or TicketType.QUESTION,
            language=language or requester.language,
            created_at=now,
            updated_at=now,
        )
        from_customer = actor is None or actor.pk == requester.pk
        message = Message.objects.create(
            ticket=ticket,
            author=actor or requester,
            is_public=True,
            from_customer=from_customer,
            body_html=body_html,
            body_text=html_to_text(body_html),
            channel=channel,
            created_at=now,
            call_duration_seconds=call_duration_seconds,
        )
        store_attachments(message, uploads, written)
        event = record_event(
            ticket, actor or requester, EventKind.CREATED, channel=channel, subject=ticket.subject
        )
        event.created_at = now
        event.save(update_fields=["created_at"])
        routed = record_event(
            ticket,
            None,
            EventKind.ROUTED,
            team=ticket.team.slug,
            level=ticket.level.code,
            priority=ticket.priority_name,
            type=ticket.type,
            reasons=list(decision.reasons),
        )
        routed.created_at = now
        routed.save(update_fields=["created_at"])
        after_ticket_change(ticket)
        publish("ticket.created", ticket, message_id=message.pk, channel=channel)
    return ticket
