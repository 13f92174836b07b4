"""The public contact form: creates a ticket and acknowledges it; honeypot and rate limit."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.channels.conftest import Sink, run_worker
from tierdesk.tickets.models import Attachment, Channel, Ticket

pytestmark = [
    pytest.mark.urls("tests.channels.urls"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _post(client: Client, **extra: object) -> object:
    data = {
        "name": "Erika Muster",
        "email": "erika@example.com",
        "subject": "Frage zur Lieferung",
        "message": "Wann kommt meine Bestellung?",
        "website": "",
        **extra,
    }
    return client.post("/contact/", data)


def test_contact_form_creates_ticket_and_acknowledges(smtp_sink: Sink) -> None:
    client = Client()
    assert client.get("/contact/").status_code == 200
    upload = SimpleUploadedFile("foto.png", b"\x89PNG....", content_type="image/png")
    response = _post(client, attachments=upload)
    assert response.status_code == 302  # type: ignore[attr-defined]
    ticket = Ticket.objects.get()
    assert ticket.channel == Channel.WEB
    assert ticket.requester.email == "erika@example.com"
    assert Attachment.objects.get().filename == "foto.png"
    thanks = client.get("/contact/thanks/")
    assert f"#{ticket.number}".encode() in thanks.content
    run_worker()
    assert len(smtp_sink.to("erika@example.com")) == 1


def test_honeypot_creates_nothing(smtp_sink: Sink) -> None:
    response = _post(Client(), website="http://spam.example")
    assert response.status_code == 302  # type: ignore[attr-defined]  # looks like success to the bot
    assert Ticket.objects.count() == 0


def test_rate_limit_per_address(settings, smtp_sink: Sink) -> None:  # type: ignore[no-untyped-def]
    settings.TIERDESK_CONTACT_MAX_PER_HOUR = 2
    client = Client()
    assert _post(client).status_code == 302  # type: ignore[attr-defined]
    assert _post(client).status_code == 302  # type: ignore[attr-defined]
    refused = _post(client)
    assert refused.status_code == 429  # type: ignore[attr-defined]
    assert b"wait an hour" in refused.content  # type: ignore[attr-defined]
    assert Ticket.objects.count() == 2


def test_invalid_input_is_refused_clearly(smtp_sink: Sink) -> None:
    response = _post(Client(), email="not-an-address", message="")
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert Ticket.objects.count() == 0
