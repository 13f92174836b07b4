"""Webhooks: signed JSON POSTed to a real local HTTP receiver, retried with back-off, logged."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests import factories
from tests.channels.conftest import run_worker
from tierdesk.channels.models import DeliveryState, WebhookDelivery
from tierdesk.channels.signing import SIGNATURE_HEADER, verify
from tierdesk.channels.tasks import deliver_webhook
from tierdesk.channels.webhooks import webhook_subscription_create
from tierdesk.tickets.services import ticket_escalate, ticket_update

SECRET = "s3cret-for-tests"


@dataclass
class Receiver:
    url: str
    statuses: list[int]  # answers to give, in order; then 200
    requests: list[tuple[dict[str, str], bytes]] = field(default_factory=list)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    box = Receiver(url="", statuses=[])

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            box.requests.append(({k: v for k, v in self.headers.items()}, body))
            status = box.statuses.pop(0) if box.statuses else 200
            self.send_response(status)
            self.end_headers()
            self.wfile.write(b"ok" if status == 200 else b"try later")

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    box.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield box
    server.shutdown()
    server.server_close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_events_are_delivered_signed(receiver: Receiver) -> None:
    department = factories.Department.build()
    webhook_subscription_create(
        actor=department.manager,
        name="CRM",
        url=receiver.url,
        events=["ticket.created", "ticket.updated", "ticket.escalated"],
        secret=SECRET,
    )
    ticket = factories.ticket(department.customer_a)
    ticket_update(ticket, actor=department.l1, expected_version=ticket.version, priority=3)
    ticket_escalate(ticket, actor=department.l1, to_level="L2", reason="Needs L2", summary="s")
    run_worker()
    events = [json.loads(body)["event"] for _headers, body in receiver.requests]
    assert sorted(events) == ["ticket.created", "ticket.escalated", "ticket.updated"]
    for headers, body in receiver.requests:
        assert verify(SECRET, body, headers[SIGNATURE_HEADER])
        assert not verify("wrong", body, headers[SIGNATURE_HEADER])
        payload = json.loads(body)
        assert payload["ticket"]["number"] == ticket.number
    assert set(WebhookDelivery.objects.values_list("state", flat=True)) == {DeliveryState.SUCCEEDED}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_failed_delivery_is_retried_with_backoff_and_logged(receiver: Receiver) -> None:
    department = factories.Department.build()
    webhook_subscription_create(
        actor=department.manager, name="Flaky", url=receiver.url, events=["ticket.created"]
    )
    receiver.statuses = [500, 503]
    factories.ticket(department.customer_a)
    run_worker()
    delivery = WebhookDelivery.objects.get()
    assert delivery.state == DeliveryState.RETRYING
    assert (delivery.attempts, delivery.response_status) == (1, 500)
    first_wait = (delivery.next_attempt_at - timezone.now()).total_seconds()
    assert 20 < first_wait <= 30
    queued = DBTaskResult.objects.filter(task_path__endswith="deliver_webhook", status="READY")
    assert queued.get().run_after == delivery.next_attempt_at  # not before the back-off

    deliver_webhook.call(delivery.pk)  # the retry runs when it is due
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.response_status) == (
        DeliveryState.RETRYING,
        2,
        503,
    )
    assert (delivery.next_attempt_at - timezone.now()).total_seconds() > first_wait  # longer

    deliver_webhook.call(delivery.pk)
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.SUCCEEDED
    assert len(receiver.requests) == 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_unreachable_receiver_fails_after_the_last_attempt(settings) -> None:  # type: ignore[no-untyped-def]
    from tests.channels.conftest import free_port

    settings.TIERDESK_WEBHOOK_MAX_ATTEMPTS = 2
    department = factories.Department.build()
    webhook_subscription_create(
        actor=department.manager,
        name="Gone",
        url=f"http://127.0.0.1:{free_port()}/",
        events=["ticket.created"],
    )
    factories.ticket(department.customer_a)
    run_worker()
    delivery = WebhookDelivery.objects.get()
    deliver_webhook.call(delivery.pk)
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.FAILED
    assert "Connection refused" in delivery.error or "URLError" in delivery.error
