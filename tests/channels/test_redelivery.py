"""A redelivered Message-ID (SMTP retry, IMAP re-fetch) never makes a second ticket or reply."""

from __future__ import annotations

from email import policy

import pytest

from tests.channels.conftest import Listener, Sink, make_mail, run_worker
from tierdesk.channels.models import InboundMail, OutboundMail
from tierdesk.tickets.models import Message, Ticket


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_same_message_id_twice_makes_one_ticket_and_one_acknowledgement(
    mailbox, listener: Listener, smtp_sink: Sink
) -> None:  # type: ignore[no-untyped-def]
    mail = make_mail(sender="rita@example.com", message_id="<once-only@example.com>")
    listener.send(mail, sender="rita@example.com")
    run_worker()
    listener.send(mail, sender="rita@example.com")  # the sender's server retries
    # … even with other bytes around the same Message-ID (e.g. another Received: line)
    listener.send(
        b"Received: from relay\r\n" + mail.as_bytes(policy=policy.SMTP), sender="rita@example.com"
    )
    run_worker()
    assert InboundMail.objects.count() == 1
    assert Ticket.objects.count() == 1
    assert Message.objects.count() == 1
    assert OutboundMail.objects.count() == 1
    assert len(smtp_sink.to("rita@example.com")) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_processing_twice_changes_nothing(mailbox, smtp_sink: Sink) -> None:  # type: ignore[no-untyped-def]
    from tierdesk.channels.inbound import inbound_mail_process, inbound_mail_store

    stored = inbound_mail_store(raw=make_mail(sender="sam@example.com").as_bytes(), mailbox=mailbox)
    inbound_mail_process(stored.inbound.pk)
    inbound_mail_process(stored.inbound.pk)
    run_worker()
    assert Ticket.objects.count() == 1
    assert Message.objects.count() == 1
