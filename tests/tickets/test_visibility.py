"""Who sees which ticket: one selector, tested for every role."""

from __future__ import annotations

import pytest

from tests import factories
from tierdesk.accounts.models import Role
from tierdesk.tickets.models import Ticket
from tierdesk.tickets.selectors import ticket_for, tickets_visible_to
from tierdesk.tickets.services import ticket_assign


def test_customers_see_only_their_own_requests(department):
    own = factories.ticket(department.customer_a)
    other = factories.ticket(department.customer_b)
    assert list(tickets_visible_to(department.customer_a)) == [own]
    with pytest.raises(Ticket.DoesNotExist):
        ticket_for(department.customer_a, other.number)


def test_agents_see_their_teams_tickets_and_those_assigned_to_them(department):
    support_ticket = factories.ticket(department.customer_a)
    returns_agent = factories.agent("retoure", team="returns")
    assert not tickets_visible_to(returns_agent).filter(pk=support_ticket.pk).exists()
    assert tickets_visible_to(department.l1).filter(pk=support_ticket.pk).exists()

    ticket_assign(support_ticket, actor=department.lead, assignee=department.l1)
    other_team_member = factories.agent("sales1", team="sales", level="L1")
    ticket_assign(support_ticket, actor=department.lead, assignee=other_team_member)
    assert tickets_visible_to(other_team_member).filter(pk=support_ticket.pk).exists()


def test_manager_sees_everything_and_strangers_nothing(department):
    factories.ticket(department.customer_a)
    factories.ticket(department.customer_b)
    assert tickets_visible_to(department.manager).count() == 2
    inactive = factories.agent("weg")
    inactive.is_active = False
    inactive.save()
    assert tickets_visible_to(inactive).count() == 0
    nobody = factories.customer("niemand")
    nobody.role = Role.CUSTOMER
    assert tickets_visible_to(nobody).count() == 0
