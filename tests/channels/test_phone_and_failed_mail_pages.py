"""Desk staff log calls as tickets and see (and retry) failed mail; customers may not."""

from __future__ import annotations

import pytest
from django.test import Client

from tests import factories
from tests.channels.conftest import make_mail, run_worker
from tierdesk.channels.inbound import inbound_mail_store
from tierdesk.channels.models import InboundMail, InboundState
from tierdesk.tickets.models import Channel, Ticket

pytestmark = [
    pytest.mark.urls("tests.channels.urls"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_agent_logs_a_call_as_new_ticket() -> None:
    department = factories.Department.build()
    response = _client(department.l1).post(
        "/contact/phone/",
        {
            "customer_email": "caller@example.com",
            "subject": "Anruf wegen Rechnung",
            "summary": "Kunde fragt nach der Rechnung vom März.",
            "duration_minutes": 4,
            "duration_seconds": 30,
        },
    )
    assert response.status_code == 302
    ticket = Ticket.objects.get()
    assert ticket.channel == Channel.PHONE
    message = ticket.messages.get()
    assert message.call_duration_seconds == 270
    assert message.author == department.l1


def test_customer_cannot_log_calls_or_see_failed_mail() -> None:
    department = factories.Department.build()
    client = _client(department.customer_a)
    assert client.get("/contact/phone/").status_code == 403
    assert client.get("/contact/failed-mail/").status_code == 403


def test_failed_mail_is_listed_and_can_be_retried(mailbox) -> None:  # type: ignore[no-untyped-def]
    department = factories.Department.build()
    broken = make_mail(sender="nobody", subject="Kein Absender").as_bytes()
    broken = broken.replace(b"From: nobody\n", b"")
    stored = inbound_mail_store(raw=broken, mailbox=mailbox, envelope_from="")
    run_worker()
    failed = InboundMail.objects.get(pk=stored.inbound.pk)
    assert failed.state == InboundState.FAILED
    assert "No usable sender address" in failed.error

    client = _client(department.l1)
    page = client.get("/contact/failed-mail/")
    assert b"No usable sender address" in page.content
    # An agent learns the sender (here: the envelope) and tries again.
    InboundMail.objects.filter(pk=failed.pk).update(envelope_from="known@example.com")
    assert client.post(f"/contact/failed-mail/{failed.pk}/retry/").status_code == 302
    run_worker()
    failed.refresh_from_db()
    assert failed.state == InboundState.PROCESSED
    assert failed.attempts == 2
    assert Ticket.objects.get().requester.email == "known@example.com"
