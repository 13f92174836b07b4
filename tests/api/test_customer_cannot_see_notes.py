"""Customers see public messages only: never internal notes, the timeline or escalations."""

from __future__ import annotations

from typing import Any

from tests import factories
from tests.api.conftest import ApiCall
from tierdesk.tickets.services import ticket_add_note, ticket_escalate, ticket_reply


def test_customer_sees_no_notes(department: Any, call_api: ApiCall) -> None:
    ticket = factories.ticket(department.customer_a)
    ticket_add_note(ticket, actor=department.l1, body="Kunde ist schwierig")
    ticket_reply(ticket, actor=department.l1, body="Wir kümmern uns darum.")
    ticket_escalate(ticket, actor=department.l1, to_level="L2", reason="Geheimer Grund")
    path = f"/api/v1/tickets/{ticket.number}"

    as_customer = call_api(department.customer_a, "GET", path)
    assert as_customer.status_code == 200
    data = as_customer.json()
    texts = [message["body_text"] for message in data["messages"]]
    assert texts == [
        "Seit dem Update druckt der Drucker nur leere Seiten.",
        "Wir kümmern uns darum.",
    ]
    assert all(message["public"] for message in data["messages"])
    assert data["events"] is None and data["escalations"] is None
    assert "schwierig" not in as_customer.content.decode()
    assert "Geheimer Grund" not in as_customer.content.decode()

    as_agent = call_api(department.l2, "GET", path).json()
    assert "Kunde ist schwierig" in [message["body_text"] for message in as_agent["messages"]]
    assert as_agent["escalations"][0]["reason"] == "Geheimer Grund"
