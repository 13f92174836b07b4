"""An agent's token opens tickets for any customer address; unknown addresses become customers."""

from __future__ import annotations

from typing import Any

from tests.api.conftest import ApiCall
from tierdesk.accounts.models import Role, User
from tierdesk.customers.models import Organisation
from tierdesk.tickets.models import Message, Ticket


def test_agent_opens_ticket_for_new_customer(department: Any, call_api: ApiCall) -> None:
    acme = Organisation.objects.create(name="ACME", email_domain="acme.example")
    response = call_api(
        department.l1,
        "POST",
        "/api/v1/tickets",
        {
            "subject": "Rechnung fehlt",
            "body": "Bitte senden Sie die Rechnung erneut.",
            "customer_email": "Clara@ACME.example",
            "team": "sales",
            "priority": "high",
            "type": "sales_inquiry",
        },
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    ticket = Ticket.objects.get(number=data["number"])
    assert (data["channel"], data["team"], data["priority"], data["type"]) == (
        "api",
        "sales",
        "high",
        "sales_inquiry",
    )
    assert data["version"] == ticket.version
    customer = ticket.requester
    assert customer.email == "Clara@ACME.example"
    assert customer.role == Role.CUSTOMER
    assert not customer.has_usable_password()
    assert customer.organisation == acme
    assert data["organisation"] == {"id": acme.pk, "name": "ACME"}
    first = Message.objects.get(ticket=ticket)
    assert first.author == department.l1 and first.is_public and not first.from_customer


def test_agent_reuses_existing_customer(department: Any, call_api: ApiCall) -> None:
    users_before = User.objects.count()
    response = call_api(
        department.l2,
        "POST",
        "/api/v1/tickets",
        {"subject": "Frage", "body": "Wie geht das?", "customer_email": "ANNA@example.com"},
    )
    assert response.status_code == 201
    assert User.objects.count() == users_before
    assert response.json()["requester"]["username"] == "anna"


def test_agent_must_name_the_customer(department: Any, call_api: ApiCall) -> None:
    response = call_api(
        department.l1, "POST", "/api/v1/tickets", {"subject": "Frage", "body": "Text"}
    )
    assert response.status_code == 422
    assert "customer_email" in response.json()["detail"]
    assert not Ticket.objects.exists()


def test_unknown_team_is_422_and_nothing_created(department: Any, call_api: ApiCall) -> None:
    users_before = User.objects.count()
    response = call_api(
        department.l1,
        "POST",
        "/api/v1/tickets",
        {"subject": "Frage", "body": "Text", "customer_email": "new@example.org", "team": "nope"},
    )
    assert response.status_code == 422
    assert "nope" in response.json()["detail"]
    assert not Ticket.objects.exists()
    assert User.objects.count() == users_before  # no customer made for a refused ticket
