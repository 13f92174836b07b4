"""Search in the desk by number, subject and customer."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.tickets.models import Ticket


def test_search_by_number_subject_and_customer(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    other = factories.ticket(department.customer_b, subject="Rechnung doppelt")
    client = login(department.l1)

    def numbers_found(query: str) -> set[int]:
        page = client.get("/desk/", {"q": query}).content.decode()
        return {t.number for t in (ticket, other) if f"#{t.number}<" in page}

    assert numbers_found(f"#{ticket.number}") == {ticket.number}
    assert numbers_found("rechnung") == {other.number}
    assert numbers_found("bernd@example.com") == {other.number}
    assert numbers_found("nichts-dergleichen") == set()


def test_htmx_search_returns_only_the_results(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    response = login(department.l1).get(
        "/desk/", {"q": "Drucker"}, headers={"HX-Request": "true", "HX-Target": "queue-results"}
    )
    page = response.content.decode()
    assert f"#{ticket.number}" in page
    assert "<html" not in page
