"""A save based on an old version is refused with a clear message; nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.teams.models import Team
from tierdesk.tickets.models import EventKind, Priority, Status, Ticket, TicketType
from tierdesk.tickets.services import ticket_update


def test_stale_properties_form_shows_conflict_and_keeps_input(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    seen_version = ticket.version
    # A colleague saves first.
    ticket_update(
        ticket, actor=department.lead, expected_version=seen_version, priority=Priority.URGENT
    )
    response = login(department.l1).post(
        f"/desk/tickets/{ticket.number}/properties/",
        {
            "version": seen_version,
            "status": Status.ON_HOLD,
            "priority": Priority.LOW,
            "team": Team.objects.get(slug="support").pk,
            "ticket_type": TicketType.INCIDENT,
            "tags": "wartet-auf-hersteller",
        },
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Changed by someone else" in page
    assert "changed by someone else in the meantime" in page
    # The agent's input is still in the form, based on the current version now.
    assert 'value="wartet-auf-hersteller"' in page
    assert '<option value="on_hold" selected>' in page
    assert f'name="version" value="{ticket.version}"' in page
    # Nothing of the stale save happened; the colleague's change stands.
    ticket.refresh_from_db()
    assert (ticket.priority, ticket.status) == (Priority.URGENT, Status.NEW)
    assert not ticket.events.filter(actor=department.l1).exists()
    assert ticket.events.filter(kind=EventKind.PRIORITY, actor=department.lead).count() == 1


def test_reply_with_status_on_stale_version_keeps_the_text(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    seen_version = ticket.version
    ticket_update(ticket, actor=department.lead, expected_version=None, status=Status.ON_HOLD)
    response = login(department.l1).post(
        f"/desk/tickets/{ticket.number}/reply/",
        {"version": seen_version, "body": "Meine lange Antwort", "new_status": Status.SOLVED},
    )
    assert response.status_code == 409
    assert "Meine lange Antwort" in response.content.decode()
    assert not ticket.events.filter(kind=EventKind.REPLY).exists()
