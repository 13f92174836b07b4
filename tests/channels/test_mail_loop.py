"""A mail loop stops: our acknowledgement to an auto-responder gets one auto-reply, and no more."""

from __future__ import annotations

import smtplib
import threading
from email import message_from_bytes, policy
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from tests.channels.conftest import SUPPORT_ADDRESS, Listener, free_port, make_mail, run_worker
from tierdesk.channels.models import InboundMail, OutboundMail
from tierdesk.tickets.models import Message, Ticket


class AutoResponder:
    """The customer's mail server: answers every mail it gets with an out-of-office reply."""

    def __init__(self, listener_port: int, *, well_behaved: bool) -> None:
        self.listener_port = listener_port
        self.well_behaved = well_behaved
        self.received: list[Any] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        incoming = message_from_bytes(envelope.original_content, policy=policy.default)
        with self.lock:
            self.received.append(incoming)
            count = len(self.received)
        headers = (
            {"Auto-Submitted": "auto-replied", "X-Autoreply": "yes"} if self.well_behaved else {}
        )
        if self.well_behaved:
            headers["In-Reply-To"] = str(incoming["Message-ID"]).strip()
        reply = make_mail(
            sender="away@example.com",
            subject=f"Out of office {count}"
            if not self.well_behaved
            else f"Abwesend: {incoming['Subject']}",
            body="I am out of the office until Monday.",
            headers=headers,
        )
        with smtplib.SMTP("127.0.0.1", self.listener_port, timeout=30) as client:
            client.sendmail("away@example.com", [SUPPORT_ADDRESS], reply.as_bytes())
        return "250 OK"


def _responder(
    settings, listener: Listener, *, well_behaved: bool
) -> tuple[AutoResponder, Controller]:  # type: ignore[no-untyped-def]
    responder = AutoResponder(listener.port, well_behaved=well_behaved)
    port = free_port()
    controller = Controller(responder, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    return responder, controller


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_loop_with_auto_responder_stops_after_first_message(
    settings, mailbox, listener: Listener
) -> None:  # type: ignore[no-untyped-def]
    responder, controller = _responder(settings, listener, well_behaved=True)
    try:
        listener.send(make_mail(sender="away@example.com"), sender="away@example.com")
        for _round in range(4):
            run_worker()
    finally:
        controller.stop()
    assert len(responder.received) == 1  # our acknowledgement, and nothing after it
    assert Ticket.objects.count() == 1
    assert InboundMail.objects.count() == 2
    note = Message.objects.filter(is_public=False).get()
    assert "Automatic reply" in note.body_html
    assert OutboundMail.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_responder_without_headers_is_stopped_by_the_rate_limit(
    settings, mailbox, listener: Listener
) -> None:  # type: ignore[no-untyped-def]
    settings.TIERDESK_AUTOREPLY_MAX_PER_HOUR = 3
    responder, controller = _responder(settings, listener, well_behaved=False)
    try:
        listener.send(make_mail(sender="away@example.com"), sender="away@example.com")
        for _round in range(8):
            run_worker()
    finally:
        controller.stop()
    # Each "new" mail makes a ticket, but only 3 acknowledgements go out in the hour.
    assert len(responder.received) == 3
    suppressed = OutboundMail.objects.filter(state="suppressed")
    assert suppressed.count() == 1
    assert "Rate limit" in suppressed.get().last_error
