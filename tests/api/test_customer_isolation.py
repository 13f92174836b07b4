"""Customer A gets 404 for customer B's ticket, exactly as for a number that does not exist."""

from __future__ import annotations

from typing import Any

import pytest

from tests import factories
from tests.api.conftest import ApiCall
from tierdesk.tickets.models import Message, TimelineEvent

REQUESTS = [
    ("GET", "", None),
    ("PATCH", "", {"status": "solved"}),
    ("POST", "/messages", {"body": "Hallo", "public": True}),
    ("POST", "/escalate", {"to_level": "L2", "reason": "Warum nicht"}),
    ("POST", "/de-escalate", {"to_level": "L1", "reason": "Warum nicht"}),
]


@pytest.mark.parametrize(("method", "suffix", "body"), REQUESTS)
def test_other_customers_ticket_is_not_found(
    department: Any, call_api: ApiCall, method: str, suffix: str, body: Any
) -> None:
    bernds = factories.ticket(department.customer_b)
    messages, events = Message.objects.count(), TimelineEvent.objects.count()
    path = f"/api/v1/tickets/{bernds.number}{suffix}"
    response = call_api(department.customer_a, method, path, body)
    missing = call_api(department.customer_a, method, f"/api/v1/tickets/99999999{suffix}", body)
    assert response.status_code == 404
    assert response.json() == missing.json() == {"detail": "There is no such ticket."}
    assert (Message.objects.count(), TimelineEvent.objects.count()) == (messages, events)
    bernds.refresh_from_db()
    assert bernds.status == "new"


def test_own_ticket_is_visible(department: Any, call_api: ApiCall) -> None:
    annas = factories.ticket(department.customer_a)
    response = call_api(department.customer_a, "GET", f"/api/v1/tickets/{annas.number}")
    assert response.status_code == 200
    assert response.json()["number"] == annas.number


def test_customer_list_holds_only_own_tickets(department: Any, call_api: ApiCall) -> None:
    annas = factories.ticket(department.customer_a)
    factories.ticket(department.customer_b)
    response = call_api(department.customer_a, "GET", "/api/v1/tickets")
    assert [item["number"] for item in response.json()["items"]] == [annas.number]
    assert response.json()["count"] == 1
