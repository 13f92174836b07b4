"""Working together on tickets: asking for help, merging duplicates, linking related ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tierdesk.accounts.permissions import is_desk_staff
from tierdesk.core.html import text_to_html
from tierdesk.notifications.services import notify
from tierdesk.tickets.errors import InvalidChange, NotAllowed
from tierdesk.tickets.models import (
    EventKind,
    HelpRequest,
    Message,
    Status,
    Ticket,
    TicketLink,
    TimeEntry,
)
from tierdesk.tickets.services.base import (
    lock_ticket,
    record_event,
    refresh_from,
    save_ticket,
    set_status,
)

if TYPE_CHECKING:
    from tierdesk.accounts.models import User


def help_request_create(
    ticket: Ticket, *, requested_by: User, helper: User, question: str
) -> HelpRequest:
    """Ask a colleague or the team lead for support; the ticket stays where it is."""
    if not is_desk_staff(requested_by) or not is_desk_staff(helper):
        raise NotAllowed(_("Help requests are between agents."))
    if helper.pk == requested_by.pk:
        raise InvalidChange(_("Ask someone other than yourself."))
    if not question.strip():
        raise InvalidChange(_("Say what you need help with."))
    with transaction.atomic():
        current = lock_ticket(ticket, None)
        help_request = HelpRequest.objects.create(
            ticket=current, requested_by=requested_by, helper=helper, question=question.strip()
        )
        record_event(
            current,
            requested_by,
            EventKind.HELP_REQUESTED,
            helper=helper.username,
            question=question.strip(),
        )
        notify(
            helper,
            current,
            kind="help_requested",
            text=f"{requested_by.display_name} asks for your help on #{current.number}",
        )
        save_ticket(current, [])
    refresh_from(ticket, current)
    return help_request


def help_request_answer(help_request: HelpRequest, *, actor: User, answer: str) -> HelpRequest:
    """The helper answers; the answer lands on the ticket as an internal note."""
    if actor.pk != help_request.helper_id:
        raise NotAllowed(_("Only the colleague who was asked can answer this help request."))
    if help_request.answered_at is not None:
        raise InvalidChange(_("This help request was answered already."))
    if not answer.strip():
        raise InvalidChange(_("The answer is empty."))
    with transaction.atomic():
        ticket = lock_ticket(help_request.ticket, None)
        help_request.answer = answer.strip()
        help_request.answered_at = timezone.now()
        help_request.save(update_fields=["answer", "answered_at"])
        Message.objects.create(
            ticket=ticket,
            author=actor,
            is_public=False,
            body_html=text_to_html(answer),
            body_text=answer.strip(),
        )
        record_event(
            ticket,
            actor,
            EventKind.HELP_ANSWERED,
            requested_by=help_request.requested_by.username,
            answer=answer.strip(),
        )
        notify(
            help_request.requested_by,
            ticket,
            kind="help_answered",
            text=f"{actor.display_name} answered your help request on #{ticket.number}",
        )
        save_ticket(ticket, [])
    return help_request


def ticket_merge(source: Ticket, *, into: Ticket, actor: User) -> Ticket:
    """Merge a duplicate into another ticket.

    The source's messages move to the target so the conversation is in one place;
    the source is closed with a pointer to the target and keeps its own timeline.
    """
    if not is_desk_staff(actor):
        raise NotAllowed(_("Only agents can merge tickets."))
    if source.pk == into.pk:
        raise InvalidChange(_("A ticket cannot be merged into itself."))
    with transaction.atomic():
        # Lock in id order so that two opposite merges cannot deadlock.
        first, second = sorted([source, into], key=lambda ticket: ticket.pk)
        locked = {first.pk: lock_ticket(first, None), second.pk: lock_ticket(second, None)}
        current_source, target = locked[source.pk], locked[into.pk]
        if current_source.merged_into_id is not None:
            raise InvalidChange(
                _("#%(number)s was merged already.") % {"number": current_source.number}
            )
        if target.status == Status.CLOSED:
            raise InvalidChange(
                _("#%(number)s is closed; merge into an open ticket.") % {"number": target.number}
            )
        moved = Message.objects.filter(ticket=current_source).update(ticket=target)
        TimeEntry.objects.filter(ticket=current_source).update(ticket=target)
        record_event(
            target, actor, EventKind.MERGED, merged_from=current_source.number, messages=moved
        )
        record_event(current_source, actor, EventKind.MERGED, merged_into=target.number)
        changed = ["merged_into"]
        current_source.merged_into = target
        if current_source.status != Status.CLOSED:
            changed += set_status(current_source, actor, Status.CLOSED)
        save_ticket(current_source, changed)
        save_ticket(target, [])
    refresh_from(source, current_source)
    refresh_from(into, target)
    return into


def ticket_link(source: Ticket, *, target: Ticket, actor: User) -> TicketLink:
    """Mark two tickets as related (both keep living on their own)."""
    if not is_desk_staff(actor):
        raise NotAllowed(_("Only agents can link tickets."))
    if source.pk == target.pk:
        raise InvalidChange(_("A ticket cannot be linked to itself."))
    with transaction.atomic():
        first, second = sorted([source, target], key=lambda ticket: ticket.pk)
        locked = {first.pk: lock_ticket(first, None), second.pk: lock_ticket(second, None)}
        link, created = TicketLink.objects.get_or_create(
            source=source, target=target, defaults={"created_by": actor}
        )
        if created:
            for this, other in ((source, target), (target, source)):
                record_event(locked[this.pk], actor, EventKind.LINKED, ticket=other.number)
                save_ticket(locked[this.pk], [])
    refresh_from(source, locked[source.pk])
    refresh_from(target, locked[target.pk])
    return link
