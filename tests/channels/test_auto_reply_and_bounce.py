"""Machine-made mail is never answered; a bounce lands as a note on the ticket it concerns."""

from __future__ import annotations

import pytest

from tests import factories
from tests.channels.conftest import Listener, Sink, make_mail, run_worker
from tierdesk.channels.models import InboundMail, InboundState, OutboundMail, OutboundState
from tierdesk.tickets.models import Message, Ticket

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

AUTOMATIC_HEADERS = [
    {"Auto-Submitted": "auto-replied"},
    {"Auto-Submitted": "auto-generated"},
    {"Precedence": "bulk"},
    {"Precedence": "list"},
    {"Precedence": "junk"},
    {"X-Autoreply": "yes"},
    {"X-Autorespond": "Abwesenheitsnotiz"},
]


@pytest.mark.parametrize("headers", AUTOMATIC_HEADERS)
def test_automatic_mail_gets_no_acknowledgement(
    headers, mailbox, listener: Listener, smtp_sink: Sink
) -> None:  # type: ignore[no-untyped-def]
    listener.send(
        make_mail(sender="robot@example.com", headers=headers), sender="robot@example.com"
    )
    run_worker()
    assert Ticket.objects.count() == 1  # kept as a request …
    assert smtp_sink.received == []  # … but never answered
    assert InboundMail.objects.get().auto_generated


def test_auto_submitted_no_is_a_person(mailbox, listener: Listener, smtp_sink: Sink) -> None:  # type: ignore[no-untyped-def]
    listener.send(
        make_mail(sender="p@example.com", headers={"Auto-Submitted": "no"}), sender="p@example.com"
    )
    run_worker()
    assert len(smtp_sink.to("p@example.com")) == 1


def _bounce_for(message_id: str, recipient: str) -> bytes:
    return (
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\r\n"
        "To: support@tierdesk.localhost\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\n"
        "Message-ID: <bounce-1@mx.example.net>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n'
        "\r\n--B\r\nContent-Type: text/plain\r\n\r\n"
        f"I'm sorry to have to inform you that your message could not be delivered to {recipient}.\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.example.net\r\n\r\n"
        f"Final-Recipient: rfc822; {recipient}\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        "\r\n--B\r\nContent-Type: message/rfc822\r\n\r\n"
        f"From: support@tierdesk.localhost\r\nTo: {recipient}\r\nSubject: [#1] x\r\n"
        f"Message-ID: {message_id}\r\n\r\nBody\r\n"
        "--B--\r\n"
    ).encode()


def test_bounce_is_attached_to_its_ticket_and_not_answered(
    mailbox, listener: Listener, smtp_sink: Sink
) -> None:  # type: ignore[no-untyped-def]
    customer = factories.customer("nora")
    ticket = factories.ticket(customer, channel="web")
    run_worker()  # the acknowledgement goes out …
    ack = OutboundMail.objects.get(ticket=ticket)
    assert ack.state == OutboundState.SENT
    # … and comes back as undeliverable.
    listener.send(_bounce_for(ack.message_id, customer.email), sender="")
    run_worker()
    note = Message.objects.get(ticket=ticket, is_public=False)
    assert "could not be delivered" in note.body_html
    assert customer.email in note.body_html
    ack.refresh_from_db()
    assert ack.state == OutboundState.BOUNCED
    assert Ticket.objects.count() == 1
    assert len(smtp_sink.received) == 1  # only the acknowledgement, never an answer to the bounce


def test_bounce_for_unknown_mail_is_kept_without_ticket(
    mailbox, listener: Listener, smtp_sink: Sink
) -> None:  # type: ignore[no-untyped-def]
    listener.send(_bounce_for("<unknown@elsewhere>", "x@example.com"), sender="")
    run_worker()
    assert Ticket.objects.count() == 0
    stored = InboundMail.objects.get()
    assert stored.state == InboundState.IGNORED
    assert smtp_sink.received == []
