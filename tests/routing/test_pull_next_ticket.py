"""Pull mode: the "next best ticket" button assigns by SLA due time, priority and skills."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests import factories
from tests.routing.conftest import routing_agent
from tierdesk.routing.dispatch import ticket_take_next
from tierdesk.routing.models import TicketRouting
from tierdesk.teams.models import AgentProfile, Presence
from tierdesk.tickets.errors import InvalidChange
from tierdesk.tickets.models import EventKind, Ticket

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.routing.urls")]


NOW = timezone.now().replace(microsecond=0)


def waiting(subject: str, *, due_in_hours: float | None, priority: int = 2) -> Ticket:
    ticket = factories.ticket(factories.customer(), subject=subject, priority=priority)
    due = NOW + timedelta(hours=due_in_hours) if due_in_hours is not None else None
    Ticket.objects.filter(pk=ticket.pk).update(sla_due_at=due)
    return ticket


def test_takes_the_soonest_due_then_the_highest_priority() -> None:
    agent = routing_agent("paula")
    later = waiting("später", due_in_hours=5)
    urgent_later = waiting("dringend später", due_in_hours=5, priority=4)
    soon = waiting("bald", due_in_hours=1)
    taken = [ticket_take_next(agent) for _ in range(3)]
    assert [t.pk for t in taken if t] == [soon.pk, urgent_later.pk, later.pk]
    assert ticket_take_next(agent) is None
    event = Ticket.objects.get(pk=soon.pk).events.filter(kind=EventKind.ASSIGNEE).get()
    assert (event.actor, event.data["new"]) == (agent, "paula")


def test_skips_tickets_that_need_a_skill_the_agent_lacks() -> None:
    agent = routing_agent("paula", skills={"billing": 3})
    needs_network = waiting("WLAN", due_in_hours=1)
    TicketRouting.objects.filter(ticket=needs_network).update(required_skills=["networking"])
    billing = waiting("Rechnung", due_in_hours=3)
    taken = ticket_take_next(agent)
    assert taken is not None and taken.pk == billing.pk


def test_refused_at_cap_or_when_not_working() -> None:
    agent = routing_agent("paula", cap=1)
    waiting("eins", due_in_hours=1)
    waiting("zwei", due_in_hours=2)
    assert ticket_take_next(agent) is not None
    with pytest.raises(InvalidChange, match="your cap is 1"):
        ticket_take_next(agent)
    AgentProfile.objects.filter(user=agent).update(presence=Presence.BREAK, max_open_tickets=5)
    with pytest.raises(InvalidChange, match="not marked as working"):
        ticket_take_next(agent)
    assert Ticket.objects.filter(assignee=agent).count() == 1


def test_button_redirects_to_the_desk_ticket_page(client: Client) -> None:
    agent = routing_agent("paula")
    ticket = waiting("bald", due_in_hours=1)
    client.force_login(agent)
    response = client.post("/routing/next/")
    assert response.status_code == 302
    assert response["Location"] == f"/desk/tickets/{ticket.number}/"
    empty = client.post("/routing/next/", follow=True)
    assert b"No waiting ticket fits you right now." in empty.content


def test_customers_cannot_take_tickets_and_get_is_refused(client: Client) -> None:
    client.force_login(factories.customer())
    assert client.post("/routing/next/").status_code == 403
    client.force_login(routing_agent("paula"))
    assert client.get("/routing/next/").status_code == 405
