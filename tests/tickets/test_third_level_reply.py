from __future__ import annotations

import pytest

from tests import factories
from tierdesk.tickets.errors import NotAllowed
from tierdesk.tickets.models import Message
from tierdesk.tickets.services import ticket_add_note, ticket_escalate, ticket_reply


def test_third_level_cannot_reply_publicly_but_can_note(department):
    ticket = factories.ticket(department.customer_a)
    ticket_escalate(ticket, actor=department.l1, to_level="L2", reason="komplex")
    ticket_escalate(ticket, actor=department.l2, to_level="L3", reason="unbekannt")

    with pytest.raises(NotAllowed, match="Second Level"):
        ticket_reply(ticket, actor=department.l3, body="Bitte Firmware 2.1 installieren.")
    assert not Message.objects.filter(ticket=ticket, author=department.l3).exists()

    note = ticket_add_note(ticket, actor=department.l3, body="Ursache: Firmware 2.0, Fix in 2.1")
    assert note.is_public is False

    relayed = ticket_reply(ticket, actor=department.l2, body="Bitte installieren Sie 2.1.")
    assert relayed.is_public is True


def test_customers_cannot_write_internal_notes_or_agent_replies(department):
    ticket = factories.ticket(department.customer_a)
    with pytest.raises(NotAllowed):
        ticket_add_note(ticket, actor=department.customer_a, body="intern?")
    with pytest.raises(NotAllowed):
        ticket_reply(ticket, actor=department.customer_a, body="Antwort?")
