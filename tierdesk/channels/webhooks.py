"""Webhooks: ticket events POSTed as signed JSON to subscribers, with retries and a log."""

from __future__ import annotations

import json
import logging
import secrets
import urllib.error
import urllib.request
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from tierdesk.accounts.models import User
from tierdesk.channels import config
from tierdesk.channels.models import (
    DeliveryState,
    WebhookDelivery,
    WebhookEvent,
    WebhookSubscription,
)
from tierdesk.channels.signing import SIGNATURE_HEADER, backoff_seconds, sign
from tierdesk.tickets.errors import InvalidChange
from tierdesk.tickets.models import Ticket

logger = logging.getLogger(__name__)
RESPONSE_KEPT_CHARS = 2000


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A receiver answers itself; a redirect counts as a failed delivery."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


# --- subscriptions ------------------------------------------------------------------


def _clean_events(events: list[str]) -> list[str]:
    unknown = sorted(set(events) - set(WebhookEvent.values))
    if unknown or not events:
        raise InvalidChange(
            f"Unknown or no events: {', '.join(unknown) or '(none)'}. "
            f"Choose from: {', '.join(WebhookEvent.values)}."
        )
    return sorted(set(events))


def _clean_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidChange("A webhook URL must be an http:// or https:// address.")
    if len(url) > 500:
        raise InvalidChange("A webhook URL has at most 500 characters.")
    return url.strip()


def webhook_subscription_create(
    *, actor: User | None, name: str, url: str, events: list[str], secret: str = ""
) -> WebhookSubscription:
    if not name.strip():
        raise InvalidChange("A webhook needs a name.")
    return WebhookSubscription.objects.create(
        name=name.strip()[:100],
        url=_clean_url(url),
        events=_clean_events(events),
        secret=secret.strip()[:200] or secrets.token_urlsafe(32),
        created_by=actor,
    )


def webhook_subscription_update(
    subscription: WebhookSubscription,
    *,
    name: str | None = None,
    url: str | None = None,
    events: list[str] | None = None,
    is_active: bool | None = None,
) -> WebhookSubscription:
    if name is not None:
        if not name.strip():
            raise InvalidChange("A webhook needs a name.")
        subscription.name = name.strip()[:100]
    if url is not None:
        subscription.url = _clean_url(url)
    if events is not None:
        subscription.events = _clean_events(events)
    if is_active is not None:
        subscription.is_active = is_active
    subscription.save()
    return subscription


# --- deliveries ------------------------------------------------------------------


def ticket_payload(ticket: Ticket) -> dict[str, Any]:
    return {
        "number": ticket.number,
        "subject": ticket.subject,
        "status": ticket.status,
        "priority": ticket.priority_name,
        "type": ticket.type,
        "channel": ticket.channel,
        "team": ticket.team.slug,
        "level": ticket.level.code,
        "assignee": ticket.assignee.username if ticket.assignee else None,
        "requester_email": ticket.requester.email,
        "created_at": ticket.created_at.isoformat(),
        "updated_at": ticket.updated_at.isoformat(),
        "version": ticket.version,
    }


def webhook_enqueue(event: str, ticket_id: int, data: dict[str, Any]) -> int:
    """Queue one delivery per active subscription to ``event``. Returns how many."""
    from tierdesk.channels.tasks import deliver_webhook

    if event not in WebhookEvent.values:
        return 0
    subscriptions = [
        subscription
        for subscription in WebhookSubscription.objects.filter(is_active=True)
        if event in subscription.events
    ]
    if not subscriptions:
        return 0
    ticket = (
        Ticket.objects.select_related("team", "level", "assignee", "requester")
        .filter(pk=ticket_id)
        .first()
    )
    payload = json.loads(
        json.dumps(
            {
                "event": event,
                "occurred_at": timezone.now().isoformat(),
                "ticket": ticket_payload(ticket) if ticket else None,
                "data": data,
            },
            cls=DjangoJSONEncoder,
        )
    )
    with transaction.atomic():
        for subscription in subscriptions:
            delivery = WebhookDelivery.objects.create(
                subscription=subscription, event=event, ticket=ticket, payload=payload
            )
            deliver_webhook.enqueue(delivery.pk)
    return len(subscriptions)


FINAL = (DeliveryState.SUCCEEDED, DeliveryState.FAILED)


def webhook_deliver(delivery_id: int) -> WebhookDelivery:
    """POST the payload once; record the answer; queue a retry with back-off on failure."""
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(of=("self",))
            .select_related("subscription")
            .get(pk=delivery_id)
        )
        if delivery.state in FINAL:
            return delivery
        delivery.attempts += 1
        delivery.save(update_fields=["attempts"])
    body = json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()
    request = urllib.request.Request(
        delivery.subscription.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "tierdesk-webhooks/1",
            "X-Tierdesk-Event": delivery.event,
            "X-Tierdesk-Delivery": str(delivery.pk),
            SIGNATURE_HEADER: sign(delivery.subscription.secret, body),
        },
    )
    status: int | None = None
    text = ""
    error = ""
    try:
        with _OPENER.open(request, timeout=config.webhook_timeout_seconds()) as response:
            status = response.status
            text = response.read(RESPONSE_KEPT_CHARS).decode("utf-8", "replace")
    except urllib.error.HTTPError as http_error:
        status = http_error.code
        text = http_error.read(RESPONSE_KEPT_CHARS).decode("utf-8", "replace")
        error = f"HTTP {http_error.code}"
    except (urllib.error.URLError, OSError, ValueError) as failure:
        error = f"{type(failure).__name__}: {failure}"
    delivery.response_status = status
    delivery.response_body = text[:RESPONSE_KEPT_CHARS]
    if status is not None and 200 <= status < 300:
        delivery.state = DeliveryState.SUCCEEDED
        delivery.delivered_at = timezone.now()
        delivery.error = ""
        delivery.next_attempt_at = None
        delivery.save()
        return delivery
    return _retry_or_fail(delivery, error or f"HTTP {status}")


def _retry_or_fail(delivery: WebhookDelivery, error: str) -> WebhookDelivery:
    from tierdesk.channels.tasks import deliver_webhook

    delivery.error = error[:2000]
    with transaction.atomic():
        if delivery.attempts >= config.webhook_max_attempts():
            delivery.state = DeliveryState.FAILED
            delivery.next_attempt_at = None
        else:
            delivery.state = DeliveryState.RETRYING
            delivery.next_attempt_at = timezone.now() + timedelta(
                seconds=backoff_seconds(delivery.attempts)
            )
            deliver_webhook.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
        delivery.save()
    return delivery


def webhook_redeliver(delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a logged delivery again now (e.g. after the receiver was fixed)."""
    from tierdesk.channels.tasks import deliver_webhook

    with transaction.atomic():
        delivery.state = DeliveryState.PENDING
        delivery.next_attempt_at = None
        delivery.save(update_fields=["state", "next_attempt_at"])
        deliver_webhook.enqueue(delivery.pk)
    return delivery
