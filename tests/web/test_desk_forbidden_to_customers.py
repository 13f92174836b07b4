"""Customers never enter the agent workspace; anonymous visitors are sent to log in."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.tickets.models import Message, Ticket


def test_customer_gets_403_with_a_way_to_the_portal(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    client = login(department.customer_a)
    for url in ["/desk/", f"/desk/tickets/{ticket.number}/", "/desk/help/", "/desk/problems/"]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert "/portal/" in response.content.decode()


def test_customer_cannot_post_a_desk_action(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    client = login(department.customer_a)
    response = client.post(f"/desk/tickets/{ticket.number}/note/", {"body": "sneaky note"})
    assert response.status_code == 403
    assert not Message.objects.filter(ticket=ticket, is_public=False).exists()


def test_anonymous_is_sent_to_login(ticket: Ticket) -> None:
    response = Client().get("/desk/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/desk/")
