"""Asking a colleague for help on a ticket, and the colleague answering from their list."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.tickets.models import EventKind, HelpRequest, Message, Ticket


def test_ask_and_answer_with_htmx(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    response = login(department.l1).post(
        f"/desk/tickets/{ticket.number}/help/",
        {"helper": department.lead.pk, "question": "Kennst du diesen Druckerfehler?"},
    )
    assert response.status_code == 302
    help_request = HelpRequest.objects.get(ticket=ticket)
    assert ticket.events.filter(kind=EventKind.HELP_REQUESTED, actor=department.l1).exists()

    lead = login(department.lead)
    page = lead.get("/desk/help/").content.decode()
    assert "Kennst du diesen Druckerfehler?" in page

    response = lead.post(
        f"/desk/help/{help_request.pk}/answer/",
        {f"help{help_request.pk}-answer": "Treiber 2.1 installieren."},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "<html" not in response.content.decode()
    help_request.refresh_from_db()
    assert help_request.answered_at is not None
    assert Message.objects.filter(ticket=ticket, is_public=False, author=department.lead).exists()
    assert ticket.events.filter(kind=EventKind.HELP_ANSWERED, actor=department.lead).exists()
    assert "Kennst du" not in lead.get("/desk/help/").content.decode()

    # Answered requests are gone: answering again is a 404, not a 500.
    again = lead.post(
        f"/desk/help/{help_request.pk}/answer/", {f"help{help_request.pk}-answer": "x"}
    )
    assert again.status_code == 404


def test_asking_yourself_is_not_offered(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    response = login(department.l1).post(
        f"/desk/tickets/{ticket.number}/help/", {"helper": department.l1.pk, "question": "?"}
    )
    assert response.status_code == 400
    assert not HelpRequest.objects.exists()
