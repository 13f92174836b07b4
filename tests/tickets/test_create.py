from __future__ import annotations

import pytest

from tests import factories
from tierdesk.customers.models import Organisation
from tierdesk.tickets.errors import InvalidChange
from tierdesk.tickets.models import EventKind, Priority, Status, Ticket


def test_new_ticket_gets_the_next_number_and_lands_at_first_level(department):
    first = factories.ticket(department.customer_a)
    second = factories.ticket(department.customer_b)
    assert second.number == first.number + 1
    assert first.display_number == f"#{first.number}"
    assert first.level.code == "L1"
    assert first.team.slug == "support"
    assert first.status == Status.NEW


def test_creation_writes_created_and_routed_events(department):
    ticket = factories.ticket(department.customer_a)
    kinds = list(ticket.events.values_list("kind", flat=True))
    assert kinds == [EventKind.CREATED, EventKind.ROUTED]
    routed = ticket.events.get(kind=EventKind.ROUTED)
    assert routed.data["team"] == "support"
    assert routed.data["reasons"]


def test_first_message_is_sanitised(department):
    ticket = factories.ticket(
        department.customer_a,
        body='<p>Hallo<script>alert(1)</script> <a href="javascript:x()" onclick="y()">hier</a></p>',
    )
    html = ticket.messages.get().body_html
    assert "<script" not in html
    assert "javascript:" not in html
    assert "onclick" not in html
    assert "Hallo" in html


def test_key_account_ticket_goes_to_account_team_with_raised_priority(department):
    account_manager = factories.agent("kam", team="account_management", level="L2")
    organisation = Organisation.objects.create(
        name="Großkunde AG", is_key_account=True, account_manager=account_manager
    )
    customer = factories.customer("vip", organisation=organisation)
    ticket = factories.ticket(customer)
    assert ticket.team.slug == "account_management"
    assert ticket.priority == Priority.HIGH
    assert ticket.organisation == organisation


@pytest.mark.parametrize(
    ("subject", "body"), [("", "text"), ("   ", "text"), ("Betreff", ""), ("Betreff", "  \n ")]
)
def test_empty_subject_or_body_is_refused_and_nothing_saved(department, subject, body):
    with pytest.raises(InvalidChange):
        factories.ticket(department.customer_a, subject=subject, body=body)
    assert Ticket.objects.count() == 0
