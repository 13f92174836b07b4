"""Third Level never writes to the customer: its public reply is refused, its note accepted."""

from __future__ import annotations

from typing import Any

from tests import factories
from tests.api.conftest import ApiCall
from tierdesk.tickets.models import Message
from tierdesk.tickets.services import ticket_escalate


def test_l3_public_reply_is_403_and_note_is_allowed(department: Any, call_api: ApiCall) -> None:
    ticket = factories.ticket(department.customer_a)
    ticket_escalate(ticket, actor=department.l1, to_level="L2", reason="schwierig")
    ticket_escalate(ticket, actor=department.l2, to_level="L3", reason="Firmware")
    path = f"/api/v1/tickets/{ticket.number}/messages"
    before = Message.objects.count()

    reply = call_api(department.l3, "POST", path, {"body": "Hallo Kunde", "public": True})
    assert reply.status_code == 403
    assert "Third Level Support does not write to customers" in reply.json()["detail"]
    assert Message.objects.count() == before

    note = call_api(department.l3, "POST", path, {"body": "Ursache gefunden", "public": False})
    assert note.status_code == 201
    assert note.json()["public"] is False
    assert Message.objects.get(pk=note.json()["id"]).is_public is False
