"""The services' refusals speak the active language: German for German users."""

from __future__ import annotations

import pytest
from django.utils import translation

from tests import factories
from tierdesk.tickets.errors import InvalidChange, NotAllowed
from tierdesk.tickets.models import EventKind, Message
from tierdesk.tickets.services import ticket_escalate, ticket_reply


def test_escalation_without_reason_is_refused_in_german(department: factories.Department) -> None:
    ticket = factories.ticket(department.customer_a)
    with translation.override("de"), pytest.raises(InvalidChange) as refused:
        ticket_escalate(ticket, actor=department.l1, to_level="L2", reason="  ")
    assert refused.value.message == "Eine Eskalation braucht eine Begründung."
    ticket.refresh_from_db()
    assert ticket.level.code == "L1"
    assert not ticket.events.filter(kind=EventKind.ESCALATED).exists()


def test_third_level_public_reply_is_refused_in_german(department: factories.Department) -> None:
    ticket = factories.ticket(department.customer_a)
    ticket_escalate(ticket, actor=department.l1, to_level="L2", reason="komplex")
    ticket_escalate(ticket, actor=department.l2, to_level="L3", reason="unbekannt")
    with translation.override("de"), pytest.raises(NotAllowed) as refused:
        ticket_reply(ticket, actor=department.l3, body="Bitte Firmware 2.1 installieren.")
    assert "schreibt Kunden nicht direkt an" in refused.value.message
    assert "Second Level Support gibt sie weiter" in refused.value.message
    assert not Message.objects.filter(ticket=ticket, author=department.l3).exists()


def test_placeholders_survive_and_english_is_unchanged(department: factories.Department) -> None:
    ticket = factories.ticket(department.customer_a)
    ticket_escalate(ticket, actor=department.l1, to_level="L2", reason="komplex")
    with translation.override("de"), pytest.raises(InvalidChange) as german:
        ticket_escalate(ticket, actor=department.l2, to_level="L1", reason="runter?")
    assert german.value.message == (
        f"Ticket #{ticket.number} liegt im L2; eskaliert wird nach oben, nicht an L1."
    )
    with translation.override("en"), pytest.raises(InvalidChange) as english:
        ticket_escalate(ticket, actor=department.l2, to_level="L1", reason="down?")
    assert english.value.message == (
        f"Ticket #{ticket.number} is at L2; escalation goes up, not to L1."
    )
