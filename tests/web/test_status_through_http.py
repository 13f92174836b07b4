"""Changing status, priority, team, type and tags writes one event per change."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.teams.models import Team
from tierdesk.tickets.models import EventKind, Priority, Status, Ticket, TicketType


def test_properties_change_writes_events(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    client = login(department.l1)
    response = client.post(
        f"/desk/tickets/{ticket.number}/properties/",
        {
            "version": ticket.version,
            "status": Status.OPEN,
            "priority": Priority.HIGH,
            "team": Team.objects.get(slug="support").pk,
            "ticket_type": TicketType.INCIDENT,
            "tags": "drucker, treiber",
        },
    )
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert (ticket.status, ticket.priority, ticket.type) == (
        Status.OPEN,
        Priority.HIGH,
        TicketType.INCIDENT,
    )
    assert sorted(ticket.tags.values_list("name", flat=True)) == ["drucker", "treiber"]
    kinds = set(ticket.events.filter(actor=department.l1).values_list("kind", flat=True))
    assert {EventKind.STATUS, EventKind.PRIORITY, EventKind.TYPE, EventKind.TAGS} <= kinds
    page = client.get(f"/desk/tickets/{ticket.number}/").content.decode()
    assert "changed the priority from Normal to High" in page
    assert "set the tags to drucker, treiber" in page


def test_assign_to_me_and_to_a_colleague_of_the_level(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    client = login(department.l1)
    client.post(f"/desk/tickets/{ticket.number}/assign/", {"version": 1, "to_me": "1"})
    ticket.refresh_from_db()
    assert ticket.assignee == department.l1
    assert ticket.events.filter(kind=EventKind.ASSIGNEE, data__new="l1").exists()

    # An L2 agent is not offered for an L1 ticket; forging it is a form error.
    response = client.post(
        f"/desk/tickets/{ticket.number}/assign/",
        {"version": ticket.version, "assignee": department.l2.pk},
    )
    assert response.status_code == 400
    ticket.refresh_from_db()
    assert ticket.assignee == department.l1
