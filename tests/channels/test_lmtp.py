"""The listener speaks LMTP too (``tierdesk smtpd --lmtp``), as a local mail server delivers."""

from __future__ import annotations

import smtplib
from email import policy

import pytest

from tests.channels.conftest import SUPPORT_ADDRESS, Sink, free_port, make_mail, run_worker
from tierdesk.channels.models import InboundMail, InboundSource
from tierdesk.channels.smtp import make_controller
from tierdesk.tickets.models import Ticket


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_lmtp_delivery_and_unknown_recipient(mailbox, smtp_sink: Sink) -> None:  # type: ignore[no-untyped-def]
    port = free_port()
    controller = make_controller("127.0.0.1", port, lmtp=True, data_size_limit=2**20)
    controller.start()
    try:
        with smtplib.LMTP("127.0.0.1", port) as client:
            refused = client.sendmail(
                "lotte@example.com",
                [SUPPORT_ADDRESS, "nobody@tierdesk.localhost"],
                make_mail(sender="lotte@example.com").as_bytes(policy=policy.SMTP),
            )
    finally:
        controller.stop()
    assert refused == {"nobody@tierdesk.localhost": (550, b"5.1.1 No such mailbox here")}
    assert InboundMail.objects.get().source == InboundSource.LMTP
    run_worker()
    assert Ticket.objects.count() == 1
