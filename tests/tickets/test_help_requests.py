from __future__ import annotations

import pytest

from tests import factories
from tierdesk.tickets.errors import InvalidChange, NotAllowed
from tierdesk.tickets.models import EventKind
from tierdesk.tickets.selectors import open_help_requests_for, tickets_visible_to
from tierdesk.tickets.services import help_request_answer, help_request_create


def test_help_request_shows_in_the_helpers_list_until_answered(department):
    ticket = factories.ticket(department.customer_a)
    colleague = factories.agent("kollegin", team="returns", level="L1")
    assert not tickets_visible_to(colleague).filter(pk=ticket.pk).exists()

    help_request = help_request_create(
        ticket, requested_by=department.l1, helper=colleague, question="Ist das Gewährleistung?"
    )

    assert list(open_help_requests_for(colleague)) == [help_request]
    # The helper may now read the ticket, which stays with its owner and team.
    assert tickets_visible_to(colleague).filter(pk=ticket.pk).exists()
    ticket.refresh_from_db()
    assert ticket.team.slug == "support"
    assert colleague.notifications.filter(kind="help_requested", ticket=ticket).exists()

    help_request_answer(help_request, actor=colleague, answer="Ja, innerhalb von 2 Jahren.")

    assert list(open_help_requests_for(colleague)) == []
    assert ticket.events.filter(kind=EventKind.HELP_ANSWERED).exists()
    note = ticket.messages.filter(is_public=False).get()
    assert "2 Jahren" in note.body_text
    assert department.l1.notifications.filter(kind="help_answered").exists()


def test_only_the_asked_colleague_answers_and_only_once(department):
    ticket = factories.ticket(department.customer_a)
    help_request = help_request_create(
        ticket, requested_by=department.l1, helper=department.lead, question="?"
    )
    with pytest.raises(NotAllowed):
        help_request_answer(help_request, actor=department.l2, answer="ich")
    help_request_answer(help_request, actor=department.lead, answer="so")
    with pytest.raises(InvalidChange):
        help_request_answer(help_request, actor=department.lead, answer="nochmal")


def test_customers_cannot_be_asked_for_help(department):
    ticket = factories.ticket(department.customer_a)
    with pytest.raises(NotAllowed):
        help_request_create(
            ticket, requested_by=department.l1, helper=department.customer_b, question="?"
        )
