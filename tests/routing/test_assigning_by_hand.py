"""Assigning by hand keeps the router's workload protection: away or at the cap, no ticket.

Taking a ticket oneself is always allowed, and team leads and managers may override.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests import factories
from tierdesk.accounts.tokens import api_token_create
from tierdesk.teams.models import AgentProfile, Presence
from tierdesk.tickets.errors import InvalidChange
from tierdesk.tickets.models import EventKind, Ticket
from tierdesk.tickets.services import ticket_assign

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague() -> factories.User:
    return factories.agent("colleague", level="L1")


@pytest.fixture
def ticket(department: factories.Department) -> Ticket:
    created = factories.ticket(department.customer_a)
    assert created.level.code == "L1" and created.assignee is None
    return created


def _profile(user: factories.User, **values: object) -> None:
    AgentProfile.objects.filter(user=user).update(**values)


def test_a_colleague_on_a_break_is_not_given_a_ticket(
    department: factories.Department, colleague: factories.User, ticket: Ticket
) -> None:
    _profile(colleague, presence=Presence.BREAK)
    with pytest.raises(InvalidChange, match="not taking tickets now"):
        ticket_assign(ticket, actor=department.l1, assignee=colleague)
    ticket.refresh_from_db()
    assert ticket.assignee is None
    assert not ticket.events.filter(kind=EventKind.ASSIGNEE).exists()


def test_an_absent_colleague_is_not_given_a_ticket_but_a_lead_may_override(
    department: factories.Department, colleague: factories.User, ticket: Ticket
) -> None:
    _profile(colleague, absent_until=timezone.localdate() + timedelta(days=3))
    with pytest.raises(InvalidChange, match="ask a team lead"):
        ticket_assign(ticket, actor=department.l1, assignee=colleague)
    ticket_assign(ticket, actor=department.lead, assignee=colleague)
    ticket.refresh_from_db()
    assert ticket.assignee == colleague


def test_a_colleague_at_the_cap_is_not_given_more_but_may_take_one_himself(
    department: factories.Department, colleague: factories.User
) -> None:
    _profile(colleague, max_open_tickets=2)
    for _ in range(2):
        ticket_assign(
            factories.ticket(department.customer_a), actor=department.lead, assignee=colleague
        )
    third = factories.ticket(department.customer_a)
    with pytest.raises(InvalidChange, match="2 open tickets, the cap"):
        ticket_assign(third, actor=department.l1, assignee=colleague)
    ticket_assign(third, actor=colleague, assignee=colleague)
    third.refresh_from_db()
    assert third.assignee == colleague


def test_the_per_channel_cap_counts_too(
    department: factories.Department, colleague: factories.User
) -> None:
    _profile(colleague, channel_caps={"chat": 1})
    first = factories.ticket(department.customer_a, channel="chat")
    ticket_assign(first, actor=department.l1, assignee=colleague)
    second = factories.ticket(department.customer_b, channel="chat")
    with pytest.raises(InvalidChange, match="open Chat tickets, the cap"):
        ticket_assign(second, actor=department.l1, assignee=colleague)
    by_mail = factories.ticket(department.customer_b, channel="email")
    ticket_assign(by_mail, actor=department.l1, assignee=colleague)


def test_the_api_answers_422_with_the_reason(
    department: factories.Department, colleague: factories.User, ticket: Ticket
) -> None:
    _profile(colleague, presence=Presence.OFF_SHIFT)
    token = api_token_create(user=department.l1).raw
    response = Client().patch(
        f"/api/v1/tickets/{ticket.number}",
        data=json.dumps({"assignee": colleague.username}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 422, response.content
    assert "not taking tickets now" in response.json()["detail"]
    ticket.refresh_from_db()
    assert ticket.assignee is None
