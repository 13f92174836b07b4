"""An absent agent's open tickets go to qualified colleagues, or back to the queue."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from tests import factories
from tests.routing.conftest import routing_agent
from tierdesk.accounts.models import Role
from tierdesk.routing.dispatch import agent_set_presence
from tierdesk.teams.models import AgentProfile, Presence
from tierdesk.tickets.errors import NotAllowed
from tierdesk.tickets.models import EventKind, Ticket
from tierdesk.tickets.services import ticket_assign

pytestmark = pytest.mark.django_db


def assigned_to(agent, count: int) -> list[Ticket]:  # type: ignore[no-untyped-def]
    tickets = []
    for _ in range(count):
        ticket = factories.ticket(factories.customer())
        ticket_assign(ticket, actor=agent, assignee=agent)
        tickets.append(ticket)
    return tickets


def test_marking_absent_spreads_the_tickets_over_colleagues_by_load() -> None:
    leaving = routing_agent("leaving")
    busy = routing_agent("busy")
    free = routing_agent("free")
    assigned_to(busy, 2)
    tickets = assigned_to(leaving, 3)
    lead = routing_agent("lead", level="L2", role=Role.TEAM_LEAD, is_lead=True)
    result = agent_set_presence(leaving, actor=lead, presence=Presence.ABSENT)
    assert result is not None
    assert sorted(result.reassigned.values()) == ["busy", "free", "free"]
    assert not Ticket.objects.filter(assignee=leaving).exists()
    event = Ticket.objects.get(pk=tickets[0].pk).events.filter(kind=EventKind.ASSIGNEE).last()
    assert event.data["old"] == "leaving"
    assert event.data["reasons"][0] == "redistributed: leaving is absent"
    assert AgentProfile.objects.get(user=leaving).presence == Presence.ABSENT
    assert Ticket.objects.filter(assignee=free).count() == 2  # never the lone absentee again


def test_without_a_qualified_colleague_the_ticket_returns_to_the_queue() -> None:
    leaving = routing_agent("leaving")
    routing_agent("full", cap=0)
    (ticket,) = assigned_to(leaving, 1)
    result = agent_set_presence(leaving, actor=leaving, presence=Presence.ABSENT)
    assert result is not None and result.returned_to_queue == [ticket.number]
    assert Ticket.objects.get(pk=ticket.pk).assignee is None


def test_only_the_agent_their_lead_or_a_manager_may_mark_absence() -> None:
    leaving = routing_agent("leaving")
    other = routing_agent("other", team="sales")
    with pytest.raises(NotAllowed):
        agent_set_presence(leaving, actor=other, presence=Presence.ABSENT)
    assert AgentProfile.objects.get(user=leaving).presence == Presence.WORKING


def test_command_relieves_every_absent_agent() -> None:
    leaving = routing_agent("leaving")
    stays = routing_agent("stays")
    assigned_to(leaving, 2)
    AgentProfile.objects.filter(user=leaving).update(presence=Presence.ABSENT)
    call_command("routing_redistribute")
    assert Ticket.objects.filter(assignee=stays).count() == 2


def test_command_marks_named_agents_absent_first_and_refuses_unknown_names() -> None:
    leaving = routing_agent("leaving")
    routing_agent("stays")
    assigned_to(leaving, 1)
    with pytest.raises(CommandError, match="Unknown agents: nobody"):
        call_command("routing_redistribute", "leaving", "nobody")
    assert Ticket.objects.filter(assignee=leaving).count() == 1
    call_command("routing_redistribute", "leaving", "--until", "2030-01-31")
    profile = AgentProfile.objects.get(user=leaving)
    assert (profile.presence, str(profile.absent_until)) == (Presence.ABSENT, "2030-01-31")
    assert not Ticket.objects.filter(assignee=leaving).exists()
