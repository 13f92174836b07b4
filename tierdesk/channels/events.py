"""Reactions of the channels (customer mail, webhooks) to ticket events.

The ticket services call ``on_ticket_event`` after their transaction has
committed. Everything here only *queues* work (a mail record, a webhook
delivery, each with its task), so a slow mail server or receiver never holds
up the agent who made the change.
"""

from __future__ import annotations

import logging
from typing import Any

from tierdesk.tickets.models import Channel, Message, Status, Ticket

logger = logging.getLogger(__name__)

# Channels whose new tickets get a receipt acknowledgement by mail.
ACKNOWLEDGED_CHANNELS = frozenset({Channel.EMAIL, Channel.WEB})


def on_ticket_event(name: str, ticket_id: int, data: dict[str, Any]) -> None:
    """Called after the transaction that changed the ticket has committed."""
    try:
        _customer_mail(name, ticket_id, data)
    except Exception:
        logger.exception("Customer mail for %s on ticket %s could not be queued", name, ticket_id)
    try:
        from tierdesk.channels.webhooks import webhook_enqueue

        webhook_enqueue(name, ticket_id, data)
    except Exception:
        logger.exception("Webhooks for %s on ticket %s could not be queued", name, ticket_id)


def _customer_mail(name: str, ticket_id: int, data: dict[str, Any]) -> None:
    from tierdesk.channels.models import OutboundKind
    from tierdesk.channels.outbound import outbound_mail_queue

    ticket = Ticket.objects.select_related("requester", "team").filter(pk=ticket_id).first()
    if ticket is None:
        return
    if name == "ticket.created" and data.get("channel") in ACKNOWLEDGED_CHANNELS:
        message = Message.objects.filter(pk=int(data.get("message_id") or 0)).first()
        outbound_mail_queue(
            ticket,
            kind=OutboundKind.ACKNOWLEDGEMENT,
            message=message,
            dedup_key=f"acknowledgement:{ticket.pk}",
        )
    elif name == "ticket.replied":
        message = Message.objects.filter(
            pk=int(data.get("message_id") or 0), is_public=True
        ).first()
        if message is not None:
            outbound_mail_queue(
                ticket, kind=OutboundKind.REPLY, message=message, dedup_key=f"reply:{message.pk}"
            )
    elif (
        name == "ticket.updated"
        and "status" in data.get("fields", ())
        and ticket.status == Status.SOLVED
    ):
        outbound_mail_queue(
            ticket, kind=OutboundKind.SOLVED, dedup_key=f"solved:{ticket.pk}:{ticket.version}"
        )
