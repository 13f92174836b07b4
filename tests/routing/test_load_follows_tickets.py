"""The router counts open tickets from the tickets themselves, whatever changed them.

There is no counter to keep in step: solving, reopening, merging, escalating,
reassigning, deleting and redistributing are all seen by the next decision.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from django.utils import timezone

from tests import factories
from tests.routing.conftest import routing_agent, set_mode
from tierdesk.accounts.models import User
from tierdesk.routing.assignment import Needs
from tierdesk.routing.candidates import agent_states_for
from tierdesk.routing.dispatch import agent_set_presence
from tierdesk.teams.models import Level, Presence, Team
from tierdesk.tickets.models import Status, Ticket
from tierdesk.tickets.services import (
    ticket_assign,
    ticket_change_status,
    ticket_customer_message,
    ticket_escalate,
    ticket_merge,
)

pytestmark = pytest.mark.django_db


def load(agent: User) -> int:
    """Open tickets of ``agent`` as the router counts them."""
    team, level = Team.objects.get(slug="support"), Level.objects.get(code="L1")
    with transaction.atomic():
        states = agent_states_for(team, level, Needs("support", "L1"), now=timezone.now())
    return next(state.open_tickets for state in states if state.agent_id == agent.pk)


def arrive() -> Ticket:
    return factories.ticket(factories.customer(), subject="Drucker druckt nicht")


def test_every_change_of_a_ticket_shows_in_the_next_decision() -> None:
    set_mode("support")
    ada = routing_agent("ada", cap=2)
    first, second = arrive(), arrive()
    assert (first.assignee, second.assignee, load(ada)) == (ada, ada, 2)
    assert arrive().assignee is None  # at cap: it waits

    ticket_change_status(first, actor=ada, status=Status.SOLVED)
    assert load(ada) == 1
    third = arrive()
    assert (third.assignee, load(ada)) == (ada, 2)

    ticket_customer_message(first, author=first.requester, body="Geht doch nicht.")
    assert Ticket.objects.get(pk=first.pk).status == Status.OPEN
    assert load(ada) == 3  # reopened: over the cap, and nothing new arrives
    assert arrive().assignee is None

    ticket_merge(second, into=third, actor=ada)
    assert load(ada) == 2  # the merged duplicate is closed
    ticket_escalate(third, actor=ada, to_level="L2", reason="Firmware-Fehler")
    assert load(ada) == 1  # escalated tickets leave the agent

    ben = routing_agent("ben", cap=5)
    ticket_assign(Ticket.objects.get(pk=first.pk), actor=ada, assignee=ben)
    assert (load(ada), load(ben)) == (0, 1)
    Ticket.objects.filter(pk=first.pk).delete()
    assert load(ben) == 0


def test_redistribution_moves_the_load_to_colleagues() -> None:
    set_mode("support")
    leaving = routing_agent("leaving", cap=3)
    tickets = [arrive() for _ in range(3)]
    assert {ticket.assignee for ticket in tickets} == {leaving}
    staying = routing_agent("staying", cap=2)
    result = agent_set_presence(leaving, actor=leaving, presence=Presence.ABSENT)
    assert result is not None and len(result.reassigned) == 2  # the cap holds
    assert len(result.returned_to_queue) == 1
    assert (load(leaving), load(staying)) == (0, 2)
    assert arrive().assignee is None  # the absentee gets nothing, the colleague is full
