"""Replies, internal notes and customer messages on existing tickets."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from tierdesk.accounts.permissions import can_write_to_customer, is_desk_staff
from tierdesk.core.html import body_to_safe_html, html_to_text
from tierdesk.tickets.errors import InvalidChange, NotAllowed
from tierdesk.tickets.models import EventKind, Message, Status, Ticket
from tierdesk.tickets.services.base import (
    AttachmentUpload,
    check_attachments,
    files_removed_on_failure,
    lock_ticket,
    publish,
    record_event,
    refresh_from,
    save_ticket,
    set_status,
    store_attachments,
)
from tierdesk.tickets.services.time_accounting import call_minutes, check_minutes, record_time

if TYPE_CHECKING:
    from tierdesk.accounts.models import User

# A customer writing again reopens these: the ball is back with the agents.
REOPENED_BY_CUSTOMER = (Status.PENDING_CUSTOMER, Status.SOLVED)


def _clean_body(body: str) -> str:
    if not body.strip():
        raise InvalidChange(_("The message is empty."))
    return body_to_safe_html(body)


def _add_message(
    ticket: Ticket,
    *,
    author: User,
    body_html: str,
    is_public: bool,
    from_customer: bool,
    uploads: list[AttachmentUpload],
    written: list[str],
    channel: str | None = None,
    call_duration_seconds: int | None = None,
) -> Message:
    message = Message.objects.create(
        ticket=ticket,
        author=author,
        is_public=is_public,
        from_customer=from_customer,
        body_html=body_html,
        body_text=html_to_text(body_html),
        channel=channel or ticket.channel,
        call_duration_seconds=call_duration_seconds,
    )
    store_attachments(message, uploads, written)
    return message


def ticket_reply(
    ticket: Ticket,
    *,
    actor: User,
    body: str,
    attachments: Iterable[AttachmentUpload] = (),
    new_status: str | None = None,
    expected_version: int | None = None,
    minutes_spent: int | None = None,
) -> Message:
    """A public reply from an agent to the customer, with the minutes it took if given.

    Refused for Third Level agents whatever the interface: they reach customers
    only through Second Level (an internal note that an L2 agent relays).
    """
    if not is_desk_staff(actor):
        raise NotAllowed(_("Only agents can reply to customers."))
    if not can_write_to_customer(actor):
        raise NotAllowed(
            _(
                "Third Level Support does not write to customers directly. "
                "Add an internal note; Second Level relays it."
            )
        )
    body_html = _clean_body(body)
    minutes = None if minutes_spent is None else check_minutes(minutes_spent)
    uploads = check_attachments(attachments)
    with files_removed_on_failure() as written, transaction.atomic():
        current = lock_ticket(ticket, expected_version)
        if current.status == Status.CLOSED:
            raise InvalidChange(_("Ticket #%(number)s is closed.") % {"number": current.number})
        message = _add_message(
            current,
            author=actor,
            body_html=body_html,
            is_public=True,
            from_customer=False,
            uploads=uploads,
            written=written,
        )
        if minutes is not None:
            record_time(current, agent=actor, minutes=minutes, message=message)
        changed = []
        if current.first_response_at is None:
            current.first_response_at = message.created_at
            changed.append("first_response_at")
        record_event(current, actor, EventKind.REPLY, message_id=message.pk)
        target_status = new_status or (Status.OPEN if current.status == Status.NEW else None)
        if target_status and target_status != current.status:
            changed += set_status(current, actor, target_status)
        save_ticket(current, changed)
        publish("ticket.replied", current, message_id=message.pk, status=current.status)
    refresh_from(ticket, current)
    return message


def ticket_add_note(
    ticket: Ticket,
    *,
    actor: User,
    body: str,
    attachments: Iterable[AttachmentUpload] = (),
    minutes_spent: int | None = None,
) -> Message:
    """An internal note, seen by agents only, with the minutes it took if given."""
    if not is_desk_staff(actor):
        raise NotAllowed(_("Only agents can write internal notes."))
    body_html = _clean_body(body)
    minutes = None if minutes_spent is None else check_minutes(minutes_spent)
    return _internal_note(
        ticket, actor, body_html, check_attachments(attachments), minutes_spent=minutes
    )


def _internal_note(
    ticket: Ticket,
    actor: User,
    body_html: str,
    uploads: list[AttachmentUpload],
    *,
    channel: str | None = None,
    call_duration_seconds: int | None = None,
    minutes_spent: int | None = None,
) -> Message:
    with files_removed_on_failure() as written, transaction.atomic():
        current = lock_ticket(ticket, None)
        message = _add_message(
            current,
            author=actor,
            body_html=body_html,
            is_public=False,
            from_customer=False,
            uploads=uploads,
            written=written,
            channel=channel,
            call_duration_seconds=call_duration_seconds,
        )
        if minutes_spent is not None:
            record_time(current, agent=actor, minutes=minutes_spent, message=message)
        call = {"call": True} if call_duration_seconds is not None else {}
        record_event(current, actor, EventKind.NOTE, message_id=message.pk, **call)
        save_ticket(current, [])
    refresh_from(ticket, current)
    return message


def ticket_customer_message(
    ticket: Ticket,
    *,
    author: User,
    body: str,
    attachments: Iterable[AttachmentUpload] = (),
    channel: str | None = None,
) -> Message:
    """The customer writes again (portal, mail, API); a waiting or solved ticket reopens."""
    if author.pk != ticket.requester_id and not is_desk_staff(author):
        raise NotAllowed(_("Only the requester can write on this request."))
    body_html = _clean_body(body)
    uploads = check_attachments(attachments)
    with files_removed_on_failure() as written, transaction.atomic():
        current = lock_ticket(ticket, None)
        if current.status == Status.CLOSED:
            raise InvalidChange(
                _("Request #%(number)s is closed. Please open a new request.")
                % {"number": current.number}
            )
        message = _add_message(
            current,
            author=author,
            body_html=body_html,
            is_public=True,
            from_customer=True,
            uploads=uploads,
            written=written,
            channel=channel,
        )
        record_event(current, author, EventKind.CUSTOMER_MESSAGE, message_id=message.pk)
        changed: list[str] = []
        if current.status in REOPENED_BY_CUSTOMER:
            changed = set_status(current, author, Status.OPEN)
        save_ticket(current, changed)
        publish("ticket.updated", current, customer_message_id=message.pk)
    refresh_from(ticket, current)
    return message


def ticket_log_call(
    ticket: Ticket,
    *,
    actor: User,
    summary: str,
    duration_seconds: int,
    minutes_spent: int | None = None,
) -> Message:
    """An agent logs a phone call on an existing ticket, as an internal record.

    The time spent defaults to the call's duration rounded up to whole minutes.
    """
    from tierdesk.tickets.models import Channel

    if not is_desk_staff(actor):
        raise NotAllowed(_("Only agents can log calls."))
    if isinstance(duration_seconds, bool) or not isinstance(duration_seconds, int):
        raise InvalidChange(_("A call's duration must be a whole number of seconds."))
    if duration_seconds < 0:
        raise InvalidChange(_("A call cannot last a negative time."))
    body_html = _clean_body(summary)
    minutes = check_minutes(
        call_minutes(duration_seconds) if minutes_spent is None else minutes_spent
    )
    return _internal_note(
        ticket,
        actor,
        body_html,
        [],
        channel=Channel.PHONE,
        call_duration_seconds=duration_seconds,
        minutes_spent=minutes,
    )
