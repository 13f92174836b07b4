"""Turning tickets and their parts into the API's response schemas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tierdesk.accounts.permissions import is_desk_staff
from tierdesk.api.schemas import (
    AttachmentOut,
    ClassifierOut,
    EscalationOut,
    EscalationTargetOut,
    EventOut,
    MessageOut,
    OrganisationOut,
    PersonOut,
    RoutingOut,
    SlaTargetOut,
    TicketCreatedOut,
    TicketDetailOut,
    TicketOut,
    priority_name,
)
from tierdesk.routing.selectors import customer_contact, escalation_suggestions, routing_of
from tierdesk.sla.selectors import SlaTargetView, sla_targets_for
from tierdesk.tickets.models import Channel, Message, Status, TicketType
from tierdesk.tickets.services.time_accounting import ticket_minutes_spent

if TYPE_CHECKING:
    from tierdesk.accounts.models import User
    from tierdesk.customers.models import Organisation
    from tierdesk.tickets.models import Ticket


def person_out(user: User | None) -> PersonOut | None:
    if user is None:
        return None
    return PersonOut(username=user.username, name=user.display_name)


def organisation_out(organisation: Organisation | None) -> OrganisationOut | None:
    if organisation is None:
        return None
    return OrganisationOut(id=organisation.pk, name=organisation.name)


def ticket_out(ticket: Ticket, *, clocks: list[SlaTargetView] | None = None) -> TicketOut:
    """The ticket's fields; for lists prefetch ``tags`` and pass the SLA ``clocks``."""
    requester = person_out(ticket.requester)
    assert requester is not None
    return TicketOut(
        number=ticket.number,
        display_number=ticket.display_number,
        subject=ticket.subject,
        status=Status(ticket.status),
        priority=priority_name(ticket.priority),
        type=TicketType(ticket.type),
        channel=Channel(ticket.channel),
        team=ticket.team.slug,
        level=ticket.level.code,
        assignee=ticket.assignee.username if ticket.assignee else None,
        requester=requester,
        organisation=organisation_out(ticket.organisation),
        tags=sorted(tag.name for tag in ticket.tags.all()),
        created_at=ticket.created_at,
        updated_at=ticket.updated_at,
        first_response_at=ticket.first_response_at,
        solved_at=ticket.solved_at,
        version=ticket.version,
        sla=[
            SlaTargetOut(**clock.as_api())  # type: ignore[arg-type]
            for clock in (sla_targets_for(ticket) if clocks is None else clocks)
        ],
    )


def ticket_created_out(ticket: Ticket, *, viewer: User) -> TicketCreatedOut:
    """A new ticket and, for agents, why the router routed it as it did."""
    routing = _routing(ticket) if is_desk_staff(viewer) else None
    return TicketCreatedOut(**ticket_out(ticket).model_dump(), routing=routing)


def message_out(message: Message, *, ticket_version: int) -> MessageOut:
    return MessageOut(
        id=message.pk,
        public=message.is_public,
        from_customer=message.from_customer,
        author=person_out(message.author),
        body_html=message.body_html,
        body_text=message.body_text,
        channel=Channel(message.channel),
        created_at=message.created_at,
        attachments=[
            AttachmentOut(
                filename=attachment.filename,
                content_type=attachment.content_type,
                size_bytes=attachment.size_bytes,
            )
            for attachment in message.attachments.all()
        ],
        ticket_version=ticket_version,
    )


def ticket_detail_out(ticket: Ticket, *, viewer: User) -> TicketDetailOut:
    """Everything about a ticket that ``viewer`` may see.

    Customers get the public messages only, and neither the timeline nor the
    escalations (their reasons and hand-over summaries are internal).
    """
    staff = is_desk_staff(viewer)
    messages = ticket.messages.select_related("author").prefetch_related("attachments")
    if not staff:
        messages = messages.filter(is_public=True)
    summary = ticket_out(ticket)
    return TicketDetailOut(
        **summary.model_dump(),
        messages=[message_out(message, ticket_version=ticket.version) for message in messages],
        events=_events(ticket) if staff else None,
        escalations=_escalations(ticket) if staff else None,
        routing=_routing(ticket) if staff else None,
        escalation_targets=_escalation_targets(ticket) if staff else None,
        customer_contact=_customer_contact(ticket) if staff else None,
        time_spent_minutes=ticket_minutes_spent(ticket) if staff else None,
    )


def _escalation_targets(ticket: Ticket) -> list[EscalationTargetOut]:
    from tierdesk.teams.models import Level

    levels = Level.objects.filter(holds_queue=True, rank__gt=ticket.level.rank)
    return [
        EscalationTargetOut(
            level=suggestion.level.code,
            team=suggestion.team.slug,
            from_path=suggestion.from_path,
            reason=suggestion.reason,
        )
        for suggestion in escalation_suggestions(ticket, levels)
    ]


def _customer_contact(ticket: Ticket) -> str | None:
    contact = customer_contact(ticket)
    return contact.agent.username if contact and contact.agent else None


def _routing(ticket: Ticket) -> RoutingOut | None:
    routing = routing_of(ticket)
    if routing is None:
        return None
    classifier = None
    if routing.confidence is not None:
        classifier = ClassifierOut(
            type=routing.classified_type or None,
            team=routing.classified_team or None,
            confidence=routing.confidence,
        )
    return RoutingOut(
        rule=routing.rule_name or None,
        reasons=list(routing.reasons),
        product=routing.product or None,
        required_skills=list(routing.required_skills),
        classifier=classifier,
        needs_triage=routing.needs_triage,
    )


def _events(ticket: Ticket) -> list[EventOut]:
    return [
        EventOut(
            kind=event.kind,
            actor=event.actor.username if event.actor else None,
            data=event.data,
            created_at=event.created_at,
        )
        for event in ticket.events.select_related("actor")
    ]


def _escalations(ticket: Ticket) -> list[EscalationOut]:
    return [
        EscalationOut(
            from_level=escalation.from_level.code,
            to_level=escalation.to_level.code,
            reason=escalation.reason,
            summary=escalation.summary,
            actor=escalation.actor.username if escalation.actor else None,
            created_at=escalation.created_at,
        )
        for escalation in ticket.escalations.select_related("from_level", "to_level", "actor")
    ]
