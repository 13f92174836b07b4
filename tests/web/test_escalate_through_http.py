"""Escalating needs a reason and a hand-over summary; handing back goes down again."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.tickets.models import Escalation, EventKind, Ticket


def test_escalation_without_summary_is_refused_and_keeps_the_reason(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    response = login(department.l1).post(
        f"/desk/tickets/{ticket.number}/escalate/",
        {"version": ticket.version, "to_level": "L2", "reason": "Treiberfehler", "summary": ""},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "This field is required." in page
    assert "Treiberfehler" in page  # what the agent typed is still there
    ticket.refresh_from_db()
    assert ticket.level.code == "L1"
    assert not Escalation.objects.exists()


def test_escalate_to_l2_and_l3_and_hand_back(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    l1, l2, l3 = login(department.l1), login(department.l2), login(department.l3)
    response = l1.post(
        f"/desk/tickets/{ticket.number}/escalate/",
        {
            "version": ticket.version,
            "to_level": "L2",
            "reason": "Treiber stürzt ab",
            "summary": "Neu installiert, Fehler bleibt.",
        },
    )
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.level.code == "L2"
    event = ticket.events.get(kind=EventKind.ESCALATED)
    assert (event.actor, event.data["old"], event.data["new"]) == (department.l1, "L1", "L2")
    assert event.data["summary"] == "Neu installiert, Fehler bleibt."
    page = l1.get(f"/desk/tickets/{ticket.number}/").content.decode()
    assert "escalated from First Level Support to Second Level Support" in page
    assert "Neu installiert, Fehler bleibt." in page
    assert f"#{ticket.number}" in l2.get("/desk/?team=support&level=L2").content.decode()

    l2.post(
        f"/desk/tickets/{ticket.number}/escalate/",
        {"version": ticket.version, "to_level": "L3", "reason": "Bug", "summary": "Log anbei"},
    )
    ticket.refresh_from_db()
    assert ticket.level.code == "L3"

    response = l3.post(
        f"/desk/tickets/{ticket.number}/hand-back/",
        {"version": ticket.version, "to_level": "L2", "reason": "Fix in 2.2", "summary": ""},
    )
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.level.code == "L2"
    assert ticket.assignee == department.l2  # back to who escalated it from L2
    assert ticket.events.filter(kind=EventKind.DE_ESCALATED, actor=department.l3).exists()


def test_escalating_downwards_is_a_clear_error(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    # L1 is not offered as a target; a forged request is a form error, not a 500.
    response = login(department.l1).post(
        f"/desk/tickets/{ticket.number}/escalate/",
        {"version": ticket.version, "to_level": "L1", "reason": "x", "summary": "y"},
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
