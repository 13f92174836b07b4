"""REST endpoints for webhooks and their delivery log (a django-ninja ``Router``).

Mounted by the API: ``api.add_router("/webhooks", tierdesk.channels.api.router)``.
Only administrators and the service manager manage webhooks.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from django.http import Http404, HttpRequest
from ninja import Field, Path, Router, Schema, Status

from tierdesk.accounts.models import User
from tierdesk.accounts.permissions import is_manager
from tierdesk.api.auth import request_user
from tierdesk.api.schemas import ErrorOut, InputSchema, Text
from tierdesk.channels.models import WebhookDelivery, WebhookSubscription
from tierdesk.channels.selectors import webhook_deliveries, webhook_subscriptions
from tierdesk.channels.webhooks import (
    webhook_redeliver,
    webhook_subscription_create,
    webhook_subscription_update,
)
from tierdesk.tickets.errors import NotAllowed

router = Router(tags=["webhooks"])

EventName = Literal["ticket.created", "ticket.updated", "ticket.escalated", "sla.breached"]
MAX_ID = 2**63 - 1
ObjectId = Annotated[int, Path(ge=1, le=MAX_ID)]
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class WebhookOut(Schema):
    id: int
    name: str
    url: str
    events: list[str]
    is_active: bool
    secret: str = Field(description="Key of the HMAC-SHA256 signature (X-Tierdesk-Signature).")
    created_at: datetime


class WebhookIn(InputSchema):
    name: Text = Field(min_length=1, max_length=100)
    url: Text = Field(min_length=1, max_length=500)
    events: list[EventName] = Field(min_length=1, max_length=4)
    secret: Text = Field(default="", max_length=200)


class WebhookPatch(InputSchema):
    name: Text | None = Field(default=None, min_length=1, max_length=100)
    url: Text | None = Field(default=None, min_length=1, max_length=500)
    events: list[EventName] | None = Field(default=None, min_length=1, max_length=4)
    is_active: bool | None = None


class DeliveryOut(Schema):
    id: int
    event: str
    ticket_number: int | None
    state: str
    attempts: int
    response_status: int | None
    error: str
    created_at: datetime
    delivered_at: datetime | None
    next_attempt_at: datetime | None


def _admin(request: HttpRequest) -> User:
    user = request_user(request)
    if not is_manager(user):
        raise NotAllowed("Only administrators and the service manager manage webhooks.")
    return user


def _webhook_out(subscription: WebhookSubscription) -> WebhookOut:
    return WebhookOut(
        id=subscription.pk,
        name=subscription.name,
        url=subscription.url,
        events=list(subscription.events),
        is_active=subscription.is_active,
        secret=subscription.secret,
        created_at=subscription.created_at,
    )


def _subscription(webhook_id: int) -> WebhookSubscription:
    subscription = WebhookSubscription.objects.filter(pk=webhook_id).first()
    if subscription is None:
        raise Http404("No such webhook.")
    return subscription


def _delivery_out(delivery: WebhookDelivery) -> DeliveryOut:
    return DeliveryOut(
        id=delivery.pk,
        event=delivery.event,
        ticket_number=delivery.ticket.number if delivery.ticket else None,
        state=delivery.state,
        attempts=delivery.attempts,
        response_status=delivery.response_status,
        error=delivery.error,
        created_at=delivery.created_at,
        delivered_at=delivery.delivered_at,
        next_attempt_at=delivery.next_attempt_at,
    )


@router.get("", response={200: list[WebhookOut], **ERRORS}, summary="Webhooks")
def list_webhooks(request: HttpRequest) -> list[WebhookOut]:
    _admin(request)
    return [_webhook_out(subscription) for subscription in webhook_subscriptions()]


@router.post("", response={201: WebhookOut, **ERRORS}, summary="Subscribe a URL to events")
def create_webhook(request: HttpRequest, payload: WebhookIn) -> Status[WebhookOut]:
    actor = _admin(request)
    subscription = webhook_subscription_create(
        actor=actor,
        name=payload.name,
        url=payload.url,
        events=list(payload.events),
        secret=payload.secret,
    )
    return Status(201, _webhook_out(subscription))


@router.get("/{webhook_id}", response={200: WebhookOut, **ERRORS}, summary="One webhook")
def get_webhook(request: HttpRequest, webhook_id: ObjectId) -> WebhookOut:
    _admin(request)
    return _webhook_out(_subscription(webhook_id))


@router.patch("/{webhook_id}", response={200: WebhookOut, **ERRORS}, summary="Change a webhook")
def update_webhook(request: HttpRequest, payload: WebhookPatch, webhook_id: ObjectId) -> WebhookOut:
    _admin(request)
    subscription = webhook_subscription_update(
        _subscription(webhook_id),
        name=payload.name,
        url=payload.url,
        events=list(payload.events) if payload.events is not None else None,
        is_active=payload.is_active,
    )
    return _webhook_out(subscription)


@router.delete("/{webhook_id}", response={204: None, **ERRORS}, summary="Delete a webhook")
def delete_webhook(request: HttpRequest, webhook_id: ObjectId) -> Status[None]:
    _admin(request)
    _subscription(webhook_id).delete()
    return Status(204, None)


@router.get(
    "/{webhook_id}/deliveries",
    response={200: list[DeliveryOut], **ERRORS},
    summary="Delivery log of a webhook (newest first, at most 200)",
)
def list_deliveries(request: HttpRequest, webhook_id: ObjectId) -> list[DeliveryOut]:
    _admin(request)
    deliveries = webhook_deliveries(_subscription(webhook_id))[:200]
    return [_delivery_out(delivery) for delivery in deliveries]


@router.post(
    "/{webhook_id}/deliveries/{delivery_id}/redeliver",
    response={202: DeliveryOut, **ERRORS},
    summary="Send a logged delivery again",
)
def redeliver(
    request: HttpRequest,
    webhook_id: ObjectId,
    delivery_id: ObjectId,
) -> Status[DeliveryOut]:
    _admin(request)
    delivery = (
        WebhookDelivery.objects.select_related("ticket")
        .filter(pk=delivery_id, subscription_id=webhook_id)
        .first()
    )
    if delivery is None:
        raise Http404("No such delivery.")
    return Status(202, _delivery_out(webhook_redeliver(delivery)))
