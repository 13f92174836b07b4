"""A customer's token opens tickets only for the customer itself."""

from __future__ import annotations

from typing import Any

from tests.api.conftest import ApiCall
from tierdesk.tickets.models import Message, Ticket


def test_customer_opens_own_ticket(department: Any, call_api: ApiCall) -> None:
    anna = department.customer_a
    for email in (None, "anna@example.com", "Anna@Example.com"):
        body = {"subject": "Paket fehlt", "body": "Wo ist mein Paket?", "type": "return"}
        if email:
            body["customer_email"] = email
        response = call_api(anna, "POST", "/api/v1/tickets", body)
        assert response.status_code == 201, response.json()
        ticket = Ticket.objects.get(number=response.json()["number"])
        assert ticket.requester == anna
        assert ticket.type == "return"
        assert ticket.channel == "api"
        assert Message.objects.get(ticket=ticket).from_customer


def test_customer_cannot_open_for_someone_else(department: Any, call_api: ApiCall) -> None:
    response = call_api(
        department.customer_a,
        "POST",
        "/api/v1/tickets",
        {"subject": "Hallo", "body": "Text", "customer_email": "bernd@example.com"},
    )
    assert response.status_code == 403
    assert "own address" in response.json()["detail"]
    assert not Ticket.objects.exists()


def test_customer_cannot_choose_team_or_priority(department: Any, call_api: ApiCall) -> None:
    for extra in ({"team": "sales"}, {"priority": "urgent"}):
        response = call_api(
            department.customer_a,
            "POST",
            "/api/v1/tickets",
            {"subject": "Hallo", "body": "Text", **extra},
        )
        assert response.status_code == 403
    assert not Ticket.objects.exists()
