"""The team lead's daily view: load, time over cap, complaint streaks; leads only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests import factories
from tests.routing.conftest import routing_agent
from tierdesk.accounts.models import Role
from tierdesk.routing.dispatch import sample_load
from tierdesk.routing.models import LoadSample
from tierdesk.routing.selectors import daily_load
from tierdesk.tickets.services import ticket_assign, ticket_reply

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.routing.urls")]


@pytest.fixture
def lead():  # type: ignore[no-untyped-def]
    return routing_agent("lead", level="L2", role=Role.TEAM_LEAD, is_lead=True)


def test_load_time_over_cap_and_complaint_streak(lead) -> None:  # type: ignore[no-untyped-def]
    agent = routing_agent("ute", cap=1)
    complaints = [factories.ticket(factories.customer(), ticket_type="complaint") for _ in range(3)]
    for ticket in complaints:
        ticket_assign(ticket, actor=lead, assignee=agent)
        ticket_reply(ticket, actor=agent, body="Das tut mir leid.")
        ticket_reply(ticket, actor=agent, body="Nachtrag.")  # same ticket: still one
    now = timezone.now()
    LoadSample.objects.create(agent=agent, at=now - timedelta(minutes=10), open_tickets=3, cap=1)
    row = next(row for row in daily_load(lead, timezone.localdate()) if row.agent == agent)
    assert (row.open_tickets, row.cap, row.over_cap) == (3, 1, True)
    assert 9 <= row.minutes_over_cap <= 10
    assert row.tickets_handled == 3
    assert (row.complaints.longest, row.complaints.current) == (3, 3)


def test_page_lists_the_leads_agents_only(client: Client, lead) -> None:  # type: ignore[no-untyped-def]
    routing_agent("ute")
    routing_agent("vertrieb", team="sales")
    client.force_login(lead)
    response = client.get("/routing/")
    assert response.status_code == 200
    assert b"Ute" in response.content
    assert b"Vertrieb" not in response.content


def test_agents_and_customers_are_refused(client: Client) -> None:
    client.force_login(routing_agent("ute"))
    assert client.get("/routing/").status_code == 403
    client.force_login(factories.customer())
    assert client.get("/routing/").status_code == 403


def test_bad_day_is_a_clear_400(client: Client, lead) -> None:  # type: ignore[no-untyped-def]
    client.force_login(lead)
    assert client.get("/routing/", {"day": "gestern"}).status_code == 400


def test_lead_marks_an_agent_absent_from_the_page(client: Client, lead) -> None:  # type: ignore[no-untyped-def]
    agent = routing_agent("ute")
    colleague = routing_agent("vera")
    ticket = factories.ticket(factories.customer())
    ticket_assign(ticket, actor=lead, assignee=agent)
    client.force_login(lead)
    response = client.post(
        f"/routing/agents/{agent.username}/presence/", {"presence": "absent"}, follow=True
    )
    assert b"1 tickets reassigned" in response.content
    ticket.refresh_from_db()
    assert ticket.assignee == colleague
    bad = client.post(f"/routing/agents/{agent.username}/presence/", {"presence": "moon"})
    assert bad.status_code == 302


def test_sampling_records_every_agent() -> None:
    routing_agent("ute")
    routing_agent("vera")
    assert sample_load() == 2
    assert LoadSample.objects.count() == 2
