"""A customer submits a request, sees it in their list, and answers; notes stay hidden."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.tickets.models import EventKind, Status, Ticket
from tierdesk.tickets.services import ticket_add_note, ticket_reply


def test_submit_list_and_answer(
    department: factories.Department, login: Callable[[User], Client]
) -> None:
    client = login(department.customer_a)
    response = client.post(
        "/portal/new/",
        {
            "subject": "Kündigung meines Abos",
            "body": "Bitte zum Monatsende.",
            "ticket_type": "cancellation",
        },
    )
    ticket = Ticket.objects.get(subject="Kündigung meines Abos")
    assert response.status_code == 302
    assert response["Location"] == f"/portal/requests/{ticket.number}/"
    assert (ticket.requester, ticket.type, ticket.channel) == (
        department.customer_a,
        "cancellation",
        "web",
    )
    assert "Kündigung meines Abos" in client.get("/portal/").content.decode()

    ticket_reply(
        ticket, actor=department.l1, body="Schade! Gern.", new_status=Status.PENDING_CUSTOMER
    )
    ticket_add_note(ticket, actor=department.l1, body="Rückgewinnungsangebot prüfen")
    page = client.get(f"/portal/requests/{ticket.number}/").content.decode()
    assert "Schade! Gern." in page
    assert "Rückgewinnungsangebot" not in page

    response = client.post(f"/portal/requests/{ticket.number}/", {"body": "Danke, passt so."})
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN  # the ball is back with the agents
    assert ticket.events.filter(
        kind=EventKind.CUSTOMER_MESSAGE, actor=department.customer_a
    ).exists()


def test_type_an_agent_decides_is_not_offered(
    department: factories.Department, login: Callable[[User], Client]
) -> None:
    response = login(department.customer_a).post(
        "/portal/new/", {"subject": "x", "body": "y", "ticket_type": "problem"}
    )
    assert response.status_code == 400
    assert not Ticket.objects.exists()


def test_agents_are_sent_from_the_portal_to_the_desk(
    department: factories.Department, login: Callable[[User], Client]
) -> None:
    response = login(department.l1).get("/portal/")
    assert response.status_code == 302
    assert response["Location"] == "/desk/"
