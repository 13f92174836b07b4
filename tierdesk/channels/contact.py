"""The public contact form and the phone log: both open tickets through ``ticket_create``."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils import timezone

from tierdesk.accounts.models import User
from tierdesk.accounts.permissions import is_desk_staff
from tierdesk.channels import config
from tierdesk.channels.models import ContactSubmission
from tierdesk.core.html import text_to_html
from tierdesk.tickets.errors import NotAllowed, TicketError
from tierdesk.tickets.models import Channel, Ticket
from tierdesk.tickets.services import AttachmentUpload, ticket_create

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

# The form's name for the routing rules' "mailbox or form" condition.
CONTACT_FORM_SOURCE = "contact-form"


class ContactRateLimited(TicketError):
    """Too many requests from one address in the last hour (HTTP 429)."""


def contact_honeypot_record(*, ip_address: str | None, email: str) -> None:
    """A bot filled the hidden field: remember it (for the rate limit), create nothing."""
    ContactSubmission.objects.create(
        ip_address=ip_address, email=email[:320], rejected_reason="honeypot"
    )


def contact_request_create(
    *,
    name: str,
    email: str,
    subject: str,
    message: str,
    attachments: Iterable[AttachmentUpload] = (),
    ip_address: str | None,
    language: str | None = None,
    deflection_token: str = "",
    visitor: User | AnonymousUser | None = None,
) -> Ticket:
    """A request from the public contact form; the acknowledgement mail follows the event.

    ``deflection_token`` names the help-center articles the visitor was shown
    while typing; sending anyway ends that attempt as submitted, with the ticket.
    ``visitor`` is who filled in the form (usually nobody logged in).
    """
    from tierdesk.customers.services import customer_get_or_create_by_email
    from tierdesk.knowledge.services import deflection_submitted

    since = timezone.now() - timedelta(hours=1)
    recent = ContactSubmission.objects.filter(created_at__gte=since).filter(
        Q(ip_address=ip_address) if ip_address else Q(email__iexact=email)
    )
    if recent.count() >= config.contact_max_per_hour():
        raise ContactRateLimited(
            "You have sent several requests in a short time. Please wait an hour and try again."
        )
    submission = ContactSubmission.objects.create(ip_address=ip_address, email=email[:320])
    requester = customer_get_or_create_by_email(email=email)
    sender_line = f"<p><em>{html.escape(name.strip())} &lt;{html.escape(email)}&gt;</em></p>"
    ticket = ticket_create(
        requester=requester,
        subject=subject,
        body=sender_line + text_to_html(message),
        channel=Channel.WEB,
        attachments=attachments,
        language=language,
        source=CONTACT_FORM_SOURCE,
    )
    ContactSubmission.objects.filter(pk=submission.pk).update(ticket=ticket)
    deflection_submitted(token=deflection_token, ticket=ticket, user=visitor)
    return ticket


def phone_call_log_new(
    *,
    actor: User,
    customer_email: str,
    subject: str,
    summary: str,
    duration_seconds: int,
) -> Ticket:
    """An agent logs an incoming call as a new ticket (channel phone, with its duration)."""
    from tierdesk.customers.services import customer_get_or_create_by_email

    if not is_desk_staff(actor):
        raise NotAllowed("Only agents can log calls.")
    requester = customer_get_or_create_by_email(email=customer_email)
    return ticket_create(
        requester=requester,
        subject=subject,
        body=text_to_html(summary),
        channel=Channel.PHONE,
        actor=actor,
        call_duration_seconds=duration_seconds,
    )
