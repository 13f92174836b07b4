"""Second Level records a problem; Third Level solves it; linked tickets hear of it."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.tickets.models import EventKind, Status, Ticket, TicketType
from tierdesk.tickets.services import ticket_escalate


def test_record_link_and_solve_a_problem(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    ticket_escalate(ticket, actor=department.l1, to_level="L2", reason="r", summary="s")
    second = factories.ticket(department.customer_b, subject="Auch leere Seiten")
    l1, l2, l3 = login(department.l1), login(department.l2), login(department.l3)

    assert 'id="problem-form"' not in l1.get(f"/desk/tickets/{ticket.number}/").content.decode()
    response = l2.post(
        f"/desk/tickets/{ticket.number}/problem/",
        {"subject": "Treiber 2.0 druckt leer", "description": "Seit Update 2.0"},
    )
    assert response.status_code == 302
    problem = Ticket.objects.get(type=TicketType.PROBLEM)
    response = l2.post(
        f"/desk/tickets/{second.number}/link-problem/", {"problem_number": f"#{problem.number}"}
    )
    assert response.status_code == 302
    assert "Treiber 2.0 druckt leer" in l2.get("/desk/problems/").content.decode()

    response = l3.post(
        f"/desk/tickets/{problem.number}/solve-problem/", {"solution": "Treiber 2.1 behebt es"}
    )
    assert response.status_code == 302
    problem.refresh_from_db()
    assert problem.status == Status.SOLVED
    for linked in (ticket, second):
        assert linked.events.filter(kind=EventKind.PROBLEM_SOLVED).exists()


def test_unknown_problem_number_is_a_form_error(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    response = login(department.l2).post(
        f"/desk/tickets/{ticket.number}/link-problem/", {"problem_number": "99999"}
    )
    assert response.status_code == 400
    assert "There is no problem record #99999 that you can see." in response.content.decode()
