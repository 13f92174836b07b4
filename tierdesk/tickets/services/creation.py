"""Creating tickets: numbering, routing, the first message, the first events."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tierdesk.core.html import body_to_safe_html, clean_text, html_to_text
from tierdesk.tickets.errors import InvalidChange
from tierdesk.tickets.models import (
    Channel,
    EventKind,
    Message,
    Priority,
    Tag,
    Ticket,
    TicketType,
)
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
    source: str = "",
    source_team: Team | None = None,
) -> Ticket:
    """Open a ticket for ``requester`` with a first public message.

    ``actor`` is who entered it: the requester on the portal or by mail, an agent
    logging a phone call, an API client. Team, level, priority and type not given
    are decided by the routing rules; the decision is written to the timeline.
    ``source`` names the mailbox or form the request came through (for rules);
    ``source_team``, that mailbox's team, routes it when no rule decides the team
    (unlike ``team``, which overrides the rules and the key-account policy).
    Push-mode teams (and key accounts' managers) get it assigned on arrival.
    """
    from tierdesk.routing.dispatch import choose_on_arrival, record_arrival, required_skills
    from tierdesk.routing.rules import TRIAGE_TAG
    from tierdesk.routing.services import route_new_ticket
    from tierdesk.teams.models import Level

    subject = " ".join(clean_text(subject).split())
    if not subject:
        raise InvalidChange(_("A request needs a subject."))
    if not body.strip():
        raise InvalidChange(_("A request needs a message."))
    if channel not in Channel.values:
        raise InvalidChange(_("Unknown channel “%(channel)s”.") % {"channel": channel})
    if ticket_type is not None and ticket_type not in TicketType.values:
        raise InvalidChange(_("Unknown type “%(type)s”.") % {"type": ticket_type})
    if priority is not None and priority not in Priority.values:
        raise InvalidChange(_("Unknown priority “%(priority)s”.") % {"priority": priority})
    uploads = check_attachments(attachments)
    body_html = body_to_safe_html(body)
    now = created_at or timezone.now()
    decision = route_new_ticket(
        subject=subject,
        body=html_to_text(body_html),
        channel=channel,
        ticket_type=ticket_type,
        requester=requester,
        language=language or requester.language,
        source=source,
        source_team=source_team,
    )
    routing = decision.decision
    with files_removed_on_failure() as written, transaction.atomic():
        final_team = team or decision.team
        final_level = level or decision.level or Level.objects.get(code="L1")
        skills = required_skills(routing) if routing else ()
        arrival = (
            choose_on_arrival(
                decision=routing,
                team=final_team,
                level=final_level,
                language=language or requester.language,
                channel=channel,
                skills=skills,
            )
            if routing
            else None
        )
        ticket = Ticket.objects.create(
            number=next_ticket_number(),
            subject=subject[:MAX_SUBJECT_LENGTH],
            requester=requester,
            organisation=requester.organisation,
            channel=channel,
            team=final_team,
            level=final_level,
            assignee=arrival.agent if arrival else None,
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
        # A team chosen by the caller (a mailbox's team, an agent) needs no triage.
        tag_names = [name for name in decision.tags if team is None or name != TRIAGE_TAG]
        tags = [Tag.objects.get_or_create(name=name)[0] for name in tag_names]
        if tags:
            ticket.tags.set(tags)
        reasons = [*decision.reasons, *(arrival.reasons if arrival else ())]
        if tag_names:
            reasons.append("tags: " + ", ".join(sorted(tag_names)))
        if skills:
            reasons.append("required skills: " + ", ".join(skills))
        if ticket.assignee is not None:
            reasons.append(f"assigned to {ticket.assignee.username}")
        routed = record_event(
            ticket,
            None,
            EventKind.ROUTED,
            team=ticket.team.slug,
            level=ticket.level.code,
            priority=ticket.priority_name,
            type=ticket.type,
            reasons=reasons,
        )
        routed.created_at = now
        routed.save(update_fields=["created_at"])
        if routing:
            record_arrival(ticket, routing, skills, reasons)
        after_ticket_change(ticket)
        publish("ticket.created", ticket, message_id=message.pk, channel=channel)
    return ticket
