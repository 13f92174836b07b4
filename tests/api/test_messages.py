"""Agents reply or note; customers write public messages on their own tickets only."""

from __future__ import annotations

from typing import Any

from tests import factories
from tests.api.conftest import ApiCall
from tierdesk.tickets.models import EventKind, Message, TimelineEvent


def test_agent_reply_with_status_and_note(department: Any, call_api: ApiCall) -> None:
    ticket = factories.ticket(department.customer_a)
    path = f"/api/v1/tickets/{ticket.number}/messages"
    reply = call_api(
        department.l1,
        "POST",
        path,
        {
            "body": "<p>Bitte <script>x()</script>neu starten</p>",
            "public": True,
            "status": "pending_customer",
        },
    )
    assert reply.status_code == 201, reply.json()
    assert "<script>" not in reply.json()["body_html"]
    assert reply.json()["author"] == {"username": "l1", "name": "L1"}
    ticket.refresh_from_db()
    assert ticket.status == "pending_customer"
    assert ticket.first_response_at is not None
    assert reply.json()["ticket_version"] == ticket.version == int(reply["ETag"].strip('"'))

    note = call_api(department.l1, "POST", path, {"body": "intern", "public": False})
    assert note.status_code == 201
    kinds = TimelineEvent.objects.filter(ticket=ticket).values_list("kind", flat=True)
    assert EventKind.REPLY in kinds and EventKind.NOTE in kinds

    with_status = call_api(
        department.l1, "POST", path, {"body": "x", "public": False, "status": "open"}
    )
    assert with_status.status_code == 422


def test_customer_writes_and_ticket_reopens(department: Any, call_api: ApiCall) -> None:
    ticket = factories.ticket(department.customer_a)
    call_api(
        department.l1, "PATCH", f"/api/v1/tickets/{ticket.number}", {"status": "pending_customer"}
    )
    path = f"/api/v1/tickets/{ticket.number}/messages"
    response = call_api(
        department.customer_a, "POST", path, {"body": "Geht wieder nicht", "public": True}
    )
    assert response.status_code == 201
    message = Message.objects.get(pk=response.json()["id"])
    assert message.from_customer and message.channel == "api"
    ticket.refresh_from_db()
    assert ticket.status == "open"


def test_customer_cannot_write_notes(department: Any, call_api: ApiCall) -> None:
    ticket = factories.ticket(department.customer_a)
    path = f"/api/v1/tickets/{ticket.number}/messages"
    before = Message.objects.count()
    response = call_api(department.customer_a, "POST", path, {"body": "psst", "public": False})
    assert response.status_code == 403
    assert "internal notes" in response.json()["detail"]
    missing_public = call_api(department.customer_a, "POST", path, {"body": "x"})
    assert missing_public.status_code == 422
    assert "public" in missing_public.json()["detail"]
    assert Message.objects.count() == before
