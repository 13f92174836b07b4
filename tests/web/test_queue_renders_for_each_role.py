"""Every kind of desk user gets the queue, help-request and problem pages."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.tickets.models import Ticket


@pytest.mark.parametrize("role", ["l1", "l2", "l3", "lead", "manager"])
def test_queue_pages_render_for_role(
    role: str,
    department: factories.Department,
    ticket: Ticket,
    login: Callable[[User], Client],
) -> None:
    client = login(getattr(department, role))
    for url in ["/desk/", "/desk/?team=support&level=L1", "/desk/?view=mine",
                "/desk/?view=unassigned", "/desk/help/", "/desk/problems/"]:  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get("/desk/?team=support&level=L1").content.decode()
    # Every role here sees Customer Support's tickets, with the sidebar counts.
    assert f"#{ticket.number}" in page
    assert "Drucker druckt nicht" in page
    assert 'aria-current="page"' in page


def test_queue_of_another_level_does_not_list_the_ticket(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    page = login(department.l2).get("/desk/?team=support&level=L2").content.decode()
    assert f"#{ticket.number}" not in page
    assert "No tickets here." in page


def test_agent_of_another_team_does_not_see_the_ticket(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    sales_agent = factories.agent("sally", team="sales")
    client = login(sales_agent)
    assert f"#{ticket.number}" not in client.get("/desk/").content.decode()
    assert client.get(f"/desk/tickets/{ticket.number}/").status_code == 404
