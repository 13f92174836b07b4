"""Merging a duplicate, linking a related ticket, logging a call, through the ticket page."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.tickets.models import EventKind, Status, Ticket, TicketLink


def test_merge_link_and_call(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    duplicate = factories.ticket(department.customer_a, subject="Drucker immer noch kaputt")
    related = factories.ticket(department.customer_b, subject="Scanner auch")
    client = login(department.l1)

    response = client.post(f"/desk/tickets/{ticket.number}/link/", {"other_number": related.number})
    assert response.status_code == 302
    assert TicketLink.objects.filter(source=ticket, target=related).exists()

    response = client.post(
        f"/desk/tickets/{ticket.number}/call/",
        {"summary": "Rückruf, Treiber erklärt", "duration_minutes": 7},
    )
    assert response.status_code == 302
    call = ticket.messages.get(call_duration_seconds=420)
    assert not call.is_public

    response = client.post(
        f"/desk/tickets/{duplicate.number}/merge/", {"other_number": ticket.number}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/desk/tickets/{ticket.number}/"
    duplicate.refresh_from_db()
    assert (duplicate.status, duplicate.merged_into) == (Status.CLOSED, ticket)
    assert ticket.events.filter(kind=EventKind.MERGED, data__merged_from=duplicate.number).exists()
    page = client.get(f"/desk/tickets/{ticket.number}/").content.decode()
    assert f"merged ticket #{duplicate.number} into this one" in page
    assert f"linked related ticket #{related.number}" in page
    assert "logged a phone call" in page


def test_merging_into_itself_is_a_clear_error(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    response = login(department.l1).post(
        f"/desk/tickets/{ticket.number}/merge/", {"other_number": ticket.number}
    )
    assert response.status_code == 400
    assert "cannot be merged into itself" in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.merged_into is None
