from __future__ import annotations

import pytest

from tests import factories
from tierdesk.tickets.errors import InvalidChange, NotAllowed
from tierdesk.tickets.models import EventKind, Status, Ticket, TicketType
from tierdesk.tickets.services import (
    problem_create,
    problem_link_ticket,
    problem_solve,
    ticket_assign,
    ticket_escalate,
)


def _at_second_level(department, customer, subject):
    ticket = factories.ticket(customer, subject=subject)
    ticket_escalate(ticket, actor=department.l1, to_level="L2", reason="komplex")
    ticket_assign(ticket, actor=department.l2, assignee=department.l2)
    return ticket


def test_solving_a_problem_updates_every_linked_ticket_and_tells_its_agent(department):
    first = _at_second_level(department, department.customer_a, "App stürzt ab")
    second = _at_second_level(department, department.customer_b, "App crasht beim Start")
    unassigned = factories.ticket(department.customer_b, subject="Absturz seit Update")

    problem = problem_create(
        first, actor=department.l2, subject="Absturz nach Update 4.2", description="3 Fälle"
    )
    assert problem.type == TicketType.PROBLEM
    assert problem.level.code == "L3"
    problem_link_ticket(problem, ticket=second, actor=department.l2)
    problem_link_ticket(problem, ticket=unassigned, actor=department.l2)
    for ticket in (first, second, unassigned):
        ticket.refresh_from_db()
        assert ticket.problem == problem
        assert ticket.status == Status.ON_HOLD

    updated = problem_solve(problem, actor=department.l3, solution="Hotfix 4.2.1 ausgerollt")

    assert updated == 3
    problem.refresh_from_db()
    assert problem.status == Status.SOLVED
    for ticket in Ticket.objects.filter(problem=problem):
        assert ticket.status == Status.OPEN
        event = ticket.events.get(kind=EventKind.PROBLEM_SOLVED)
        assert event.data["solution"] == "Hotfix 4.2.1 ausgerollt"
        note = ticket.messages.filter(is_public=False).last()
        assert note is not None and "Hotfix 4.2.1" in note.body_text
    assert department.l2.notifications.filter(kind="problem_solved").count() == 2
    # The unassigned ticket's news goes to the team lead.
    assert department.lead.notifications.filter(kind="problem_solved", ticket=unassigned).exists()


def test_first_level_cannot_record_problems_and_second_level_cannot_solve_them(department):
    ticket = factories.ticket(department.customer_a)
    with pytest.raises(NotAllowed):
        problem_create(ticket, actor=department.l1, subject="x", description="y")
    problem = problem_create(ticket, actor=department.l2, subject="x", description="y")
    with pytest.raises(NotAllowed):
        problem_solve(problem, actor=department.l2, solution="z")


def test_a_problem_is_solved_once(department):
    ticket = factories.ticket(department.customer_a)
    problem = problem_create(ticket, actor=department.l2, subject="x", description="y")
    problem_solve(problem, actor=department.l3, solution="fix")
    with pytest.raises(InvalidChange):
        problem_solve(problem, actor=department.l3, solution="again")
