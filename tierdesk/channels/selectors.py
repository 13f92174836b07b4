"""Reads of the channels' records for pages, the admin and the API."""

from __future__ import annotations

from django.db.models import QuerySet

from tierdesk.channels.models import (
    InboundMail,
    InboundState,
    OutboundMail,
    WebhookDelivery,
    WebhookSubscription,
)
from tierdesk.tickets.models import Ticket


def outbound_mail_for(ticket: Ticket) -> QuerySet[OutboundMail]:
    """Every mail tierdesk sent (or tried to send) on ``ticket``, oldest first.

    The ticket view shows these: state, attempts and the last error make a
    failed delivery visible to the agent.
    """
    return OutboundMail.objects.filter(ticket=ticket).order_by("created_at", "id")


def inbound_mail_for(ticket: Ticket) -> QuerySet[InboundMail]:
    return InboundMail.objects.filter(ticket=ticket).defer("raw").order_by("received_at", "id")


def failed_inbound_mail() -> QuerySet[InboundMail]:
    """Mail that could not be processed, newest first (the failed-mail list)."""
    return (
        InboundMail.objects.filter(state=InboundState.FAILED)
        .select_related("mailbox")
        .defer("raw")
        .order_by("-received_at", "-id")
    )


def webhook_subscriptions() -> QuerySet[WebhookSubscription]:
    return WebhookSubscription.objects.order_by("name", "id")


def webhook_deliveries(subscription: WebhookSubscription) -> QuerySet[WebhookDelivery]:
    return (
        WebhookDelivery.objects.filter(subscription=subscription)
        .select_related("ticket")
        .order_by("-created_at", "-id")
    )
