"""A mail server that refuses our mail: retried with back-off, then visible on the ticket."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests import factories
from tests.channels.conftest import free_port, run_worker
from tierdesk.channels.models import OutboundState
from tierdesk.channels.outbound import EVENT_MAIL_FAILED
from tierdesk.channels.selectors import outbound_mail_for
from tierdesk.channels.tasks import send_outbound_mail
from tierdesk.tickets.models import TimelineEvent


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_unreachable_mail_server_is_retried_then_shown(settings) -> None:  # type: ignore[no-untyped-def]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens
    settings.EMAIL_TIMEOUT = 5
    settings.TIERDESK_MAIL_MAX_ATTEMPTS = 2
    ticket = factories.ticket(factories.customer("paul"), channel="web")
    run_worker()
    outbound = outbound_mail_for(ticket).get()
    assert outbound.state == OutboundState.RETRYING
    assert outbound.next_attempt_at is not None and outbound.next_attempt_at > timezone.now()
    assert "Connection refused" in outbound.last_error or "Error" in outbound.last_error

    send_outbound_mail.call(outbound.pk)  # the retry, when it is due
    outbound.refresh_from_db()
    assert outbound.state == OutboundState.FAILED
    assert outbound.attempts == 2
    event = TimelineEvent.objects.get(ticket=ticket, kind=EVENT_MAIL_FAILED)
    assert event.data["to"] == "paul@example.com"
