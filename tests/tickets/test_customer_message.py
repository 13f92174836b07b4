from __future__ import annotations

import pytest

from tests import factories
from tierdesk.tickets.errors import InvalidChange, NotAllowed
from tierdesk.tickets.models import EventKind, Status
from tierdesk.tickets.services import ticket_change_status, ticket_customer_message, ticket_reply


def test_customer_answer_reopens_a_waiting_or_solved_request(department):
    ticket = factories.ticket(department.customer_a)
    ticket_reply(ticket, actor=department.l1, body="Welche Version?", new_status="pending_customer")
    assert ticket.status == Status.PENDING_CUSTOMER
    assert ticket.first_response_at is not None

    ticket_customer_message(ticket, author=department.customer_a, body="Version 4.2")
    assert ticket.status == Status.OPEN
    assert ticket.events.filter(kind=EventKind.CUSTOMER_MESSAGE).count() == 1

    ticket_change_status(ticket, actor=department.l1, status=Status.SOLVED)
    assert ticket.solved_at is not None
    ticket_customer_message(ticket, author=department.customer_a, body="Geht doch nicht")
    assert ticket.status == Status.OPEN
    assert ticket.solved_at is None


def test_closed_requests_take_no_more_messages(department):
    ticket = factories.ticket(department.customer_a)
    ticket_change_status(ticket, actor=department.l1, status=Status.CLOSED)
    with pytest.raises(InvalidChange, match="new request"):
        ticket_customer_message(ticket, author=department.customer_a, body="Hallo?")


def test_another_customer_cannot_write_on_the_request(department):
    ticket = factories.ticket(department.customer_a)
    with pytest.raises(NotAllowed):
        ticket_customer_message(ticket, author=department.customer_b, body="Ich auch")
