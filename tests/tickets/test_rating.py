from __future__ import annotations

import pytest

from tests import factories
from tierdesk.tickets.errors import InvalidChange, NotAllowed
from tierdesk.tickets.models import EventKind, Status
from tierdesk.tickets.services import ticket_change_status, ticket_rate


def test_requester_rates_a_solved_request_and_may_change_the_rating(department):
    ticket = factories.ticket(department.customer_a)
    with pytest.raises(InvalidChange, match="solved"):
        ticket_rate(ticket, author=department.customer_a, score=5)
    ticket_change_status(ticket, actor=department.l1, status=Status.SOLVED)

    ticket_rate(ticket, author=department.customer_a, score=2, comment="zu langsam")
    ticket_rate(ticket, author=department.customer_a, score=4)

    ticket.refresh_from_db()
    assert ticket.csat_score == 4
    events = list(ticket.events.filter(kind=EventKind.CSAT).values_list("data", flat=True))
    assert events[0] == {"score": 2, "previous": None, "comment": "zu langsam"}
    assert events[1]["previous"] == 2


@pytest.mark.parametrize("score", [0, 6, -1])
def test_scores_outside_one_to_five_are_refused(department, score):
    ticket = factories.ticket(department.customer_a)
    ticket_change_status(ticket, actor=department.l1, status=Status.SOLVED)
    with pytest.raises(InvalidChange):
        ticket_rate(ticket, author=department.customer_a, score=score)


def test_only_the_requester_rates(department):
    ticket = factories.ticket(department.customer_a)
    ticket_change_status(ticket, actor=department.l1, status=Status.SOLVED)
    with pytest.raises(NotAllowed):
        ticket_rate(ticket, author=department.customer_b, score=1)
    with pytest.raises(NotAllowed):
        ticket_rate(ticket, author=department.l1, score=5)
