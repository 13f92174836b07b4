"""A crash after the mail was stored and before it was processed loses nothing."""

from __future__ import annotations

import pytest
from django_tasks_db.models import DBTaskResult

from tests.channels.conftest import Listener, Sink, make_mail, run_worker
from tierdesk.channels.inbound import inbound_mail_requeue_stale
from tierdesk.channels.models import InboundMail, InboundState
from tierdesk.tickets.models import Ticket

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_stored_mail_is_processed_when_the_worker_comes_back(
    mailbox, listener: Listener, smtp_sink: Sink
) -> None:  # type: ignore[no-untyped-def]
    listener.send(make_mail(sender="uwe@example.com"), sender="uwe@example.com")
    # The process dies here: stored and queued, never processed.
    assert InboundMail.objects.get().state == InboundState.RECEIVED
    assert Ticket.objects.count() == 0
    assert DBTaskResult.objects.filter(task_path__endswith="process_inbound_mail").count() == 1
    run_worker()  # a worker starts again
    assert InboundMail.objects.get().state == InboundState.PROCESSED
    assert Ticket.objects.count() == 1


def test_stored_mail_whose_task_was_lost_is_requeued(
    mailbox, listener: Listener, smtp_sink: Sink
) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    listener.send(make_mail(sender="vera@example.com"), sender="vera@example.com")
    DBTaskResult.objects.all().delete()  # e.g. the queue was wiped with the crash
    run_worker()
    assert Ticket.objects.count() == 0
    assert (
        inbound_mail_requeue_stale(older_than=timedelta(0)) == 1
    )  # `tierdesk smtpd` does this at start
    run_worker()
    assert InboundMail.objects.get().state == InboundState.PROCESSED
    assert Ticket.objects.count() == 1
