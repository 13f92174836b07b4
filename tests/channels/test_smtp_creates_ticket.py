"""Mail sent with smtplib to the running listener becomes a ticket, acknowledged by mail."""

from __future__ import annotations

import pytest

from tests.channels.conftest import Listener, Sink, make_mail, run_worker
from tierdesk.channels.models import InboundMail, InboundState, OutboundMail, OutboundState
from tierdesk.tickets.models import Channel, Ticket


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mail_becomes_ticket_with_acknowledgement(
    mailbox, listener: Listener, smtp_sink: Sink
) -> None:  # type: ignore[no-untyped-def]
    mail = make_mail(sender="Kara Kunde <kara@example.com>", subject="Rechnung doppelt")
    listener.send(mail, sender="kara@example.com")

    stored = InboundMail.objects.get()
    assert stored.state == InboundState.RECEIVED  # stored before anything else
    assert bytes(stored.raw).startswith(b"From: ") or b"Rechnung doppelt" in bytes(stored.raw)

    run_worker()  # processes the mail, then sends the acknowledgement

    stored.refresh_from_db()
    assert stored.state == InboundState.PROCESSED, stored.error
    ticket = Ticket.objects.get()
    assert ticket.channel == Channel.EMAIL
    assert ticket.subject == "Rechnung doppelt"
    assert ticket.team.slug == "support"
    assert ticket.requester.email == "kara@example.com"
    assert "leere Seiten" in ticket.messages.get().body_text

    acknowledgements = smtp_sink.to("kara@example.com")
    assert len(acknowledgements) == 1
    ack = acknowledgements[0]
    assert f"[#{ticket.number}]" in str(ack["Subject"])
    assert ack["Auto-Submitted"] == "auto-replied"
    assert ack["In-Reply-To"] == mail["Message-ID"]
    assert mail["Message-ID"] in str(ack["References"])
    assert "Wir haben Ihre Anfrage erhalten" in str(ack["Subject"])  # German text, German mail
    outbound = OutboundMail.objects.get()
    assert outbound.state == OutboundState.SENT
    assert str(ack["Message-ID"]).strip() == outbound.message_id
