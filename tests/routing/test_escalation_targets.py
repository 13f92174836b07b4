"""Escalating follows the escalation paths: the product's engineering group is Third Level.

Second Level stays the customer's contact while Third Level (which writes internal
notes only) works on the ticket in another team, and gets it back afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests import factories
from tests.routing.conftest import routing_agent
from tierdesk.accounts.models import User
from tierdesk.notifications.models import Notification
from tierdesk.routing.models import EscalationPath, Product
from tierdesk.routing.selectors import customer_contact, escalation_suggestions
from tierdesk.teams.models import Level, Team
from tierdesk.tickets.errors import InvalidChange, NotAllowed
from tierdesk.tickets.models import EventKind, Ticket
from tierdesk.tickets.selectors import tickets_visible_to
from tierdesk.tickets.services import (
    ticket_assign,
    ticket_de_escalate,
    ticket_escalate,
    ticket_reply,
)

pytestmark = pytest.mark.django_db


@dataclass
class Paths:
    support: Team
    locks: Team
    lock_engineer: User
    l1: User
    l2: User
    customer: User


@pytest.fixture
def paths() -> Paths:
    """Support's L3 is Support itself, except for the door lock: its engineering group."""
    support = Team.objects.get(slug="support")
    locks = Team.objects.create(slug="locks-engineering", name_en="Locks", name_de="Schlösser")
    lock = Product.objects.create(code="schloss-s1", name="Türschloss S1", keywords="Türschloss")
    l3 = Level.objects.get(code="L3")
    EscalationPath.objects.create(team=support, level=l3, target_team=support)
    EscalationPath.objects.create(team=support, level=l3, product=lock, target_team=locks)
    return Paths(
        support=support,
        locks=locks,
        lock_engineer=routing_agent("erik", team="locks-engineering", level="L3"),
        l1=routing_agent("lina", level="L1"),
        l2=routing_agent("lars", level="L2"),
        customer=factories.customer("kundin"),
    )


def _lock_ticket_at_l2(paths: Paths) -> Ticket:
    ticket = factories.ticket(paths.customer, subject="Türschloss klemmt", body="Seit gestern.")
    ticket_escalate(ticket, actor=paths.l1, to_level="L2", reason="Mechanik?")
    ticket_assign(ticket, actor=paths.l2, assignee=paths.l2)
    return ticket


def test_suggestions_name_the_team_and_why(paths: Paths) -> None:
    ticket = factories.ticket(paths.customer, subject="Türschloss klemmt", body="Seit gestern.")
    levels = list(Level.objects.filter(code__in=["L2", "L3"]).order_by("rank"))
    l2, l3 = escalation_suggestions(ticket, levels)
    assert (l2.team, l2.from_path) == (paths.support, False)
    assert l2.reason == "no escalation path set: stays with Customer Support"
    assert (l3.team, l3.from_path, l3.product) == (paths.locks, True, Product.objects.get())
    assert l3.reason == "escalation path of Customer Support for Türschloss S1"


def test_escalation_goes_to_the_paths_team_and_says_so(paths: Paths) -> None:
    ticket = _lock_ticket_at_l2(paths)
    ticket_escalate(ticket, actor=paths.l2, to_level="L3", reason="Firmwarefehler im Schloss")
    ticket.refresh_from_db()
    assert (ticket.team, ticket.level.code, ticket.assignee) == (paths.locks, "L3", None)
    event = ticket.events.filter(kind=EventKind.ESCALATED).latest("id")
    assert event.data["old_team"] == "support"
    assert event.data["new_team"] == "locks-engineering"
    assert event.data["team_by"] == "path"
    assert event.data["path_product"] == "schloss-s1"
    assert ticket in [*tickets_visible_to(paths.lock_engineer)]


def test_the_agent_may_choose_another_team(paths: Paths) -> None:
    ticket = _lock_ticket_at_l2(paths)
    ticket_escalate(
        ticket, actor=paths.l2, to_level="L3", reason="Doch App?", to_team=paths.support
    )
    ticket.refresh_from_db()
    assert ticket.team == paths.support
    event = ticket.events.filter(kind=EventKind.ESCALATED).latest("id")
    assert (event.data["team_by"], event.data["suggested_team"]) == ("agent", "locks-engineering")


def test_an_inactive_team_is_refused_and_nothing_changes(paths: Paths) -> None:
    ticket = _lock_ticket_at_l2(paths)
    closed = Team.objects.create(slug="old", name_en="Old", name_de="Alt", is_active=False)
    with pytest.raises(InvalidChange, match="not active"):
        ticket_escalate(ticket, actor=paths.l2, to_level="L3", reason="x", to_team=closed)
    ticket.refresh_from_db()
    assert (ticket.team, ticket.level.code, ticket.assignee) == (paths.support, "L2", paths.l2)


def test_without_a_path_the_ticket_stays_in_its_team(paths: Paths) -> None:
    ticket = factories.ticket(paths.customer, subject="App startet nicht", body="Seit dem Update.")
    ticket_escalate(ticket, actor=paths.l1, to_level="L2", reason="Absturz")
    ticket.refresh_from_db()
    assert (ticket.team, ticket.level.code) == (paths.support, "L2")
    event = ticket.events.get(kind=EventKind.ESCALATED)
    assert set(event.data) == {"old", "new", "reason", "summary"}  # no team to explain
    assert customer_contact(ticket) is None  # Second Level writes to customers itself


def test_second_level_stays_the_customers_contact_while_third_level_works(paths: Paths) -> None:
    ticket = _lock_ticket_at_l2(paths)
    ticket_escalate(ticket, actor=paths.l2, to_level="L3", reason="Firmwarefehler")
    ticket.refresh_from_db()
    # Lars is in Support only, yet keeps seeing the ticket now in the engineering group …
    assert tickets_visible_to(paths.l2).filter(pk=ticket.pk).exists()
    assert not tickets_visible_to(paths.l1).filter(pk=ticket.pk).exists()
    contact = customer_contact(ticket)
    assert contact is not None
    assert (contact.agent, contact.team, contact.level.code) == (paths.l2, paths.support, "L2")
    # … and answers the customer, which Third Level may not.
    ticket_assign(ticket, actor=paths.lock_engineer, assignee=paths.lock_engineer)
    with pytest.raises(NotAllowed):
        ticket_reply(ticket, actor=paths.lock_engineer, body="Wir prüfen die Firmware.")
    ticket_reply(ticket, actor=paths.l2, body="Unsere Entwicklung prüft das Schloss.")
    assert ticket.messages.filter(author=paths.l2, is_public=True).exists()
    # Both teams' leads hear of the move.
    lead = routing_agent("leonie", team="locks-engineering", level="L3", is_lead=True)
    ticket_escalate(
        factories.ticket(paths.customer, subject="Türschloss piept", body="Dauernd."),
        actor=paths.l1,
        to_level="L3",
        reason="Sofort Entwicklung",
    )
    assert Notification.objects.filter(recipient=lead, kind="escalated").exists()


def test_handing_back_returns_to_the_team_and_agent_it_came_from(paths: Paths) -> None:
    ticket = _lock_ticket_at_l2(paths)
    ticket_escalate(ticket, actor=paths.l2, to_level="L3", reason="Firmwarefehler")
    ticket_de_escalate(
        ticket, actor=paths.lock_engineer, to_level="L2", reason="Firmware 2.1 behebt es"
    )
    ticket.refresh_from_db()
    assert (ticket.team, ticket.level.code, ticket.assignee) == (paths.support, "L2", paths.l2)
    event = ticket.events.get(kind=EventKind.DE_ESCALATED)
    assert (event.data["old_team"], event.data["new_team"]) == ("locks-engineering", "support")
    assert customer_contact(ticket) is None  # back at a level that writes to customers


def test_first_level_escalating_straight_to_third_level_stays_the_contact(paths: Paths) -> None:
    ticket = factories.ticket(paths.customer, subject="Türschloss klemmt", body="Seit gestern.")
    ticket_escalate(ticket, actor=paths.l1, to_level="L3", reason="Bekannter Firmwarefehler")
    ticket.refresh_from_db()
    assert ticket.team == paths.locks
    contact = customer_contact(ticket)
    assert contact is not None and contact.agent == paths.l1
    assert tickets_visible_to(paths.l1).filter(pk=ticket.pk).exists()


def test_handing_back_below_where_it_came_from_returns_to_the_first_team(paths: Paths) -> None:
    ticket = factories.ticket(paths.customer, subject="Türschloss klemmt", body="Seit gestern.")
    ticket_escalate(ticket, actor=paths.l1, to_level="L3", reason="Bekannter Firmwarefehler")
    ticket_de_escalate(ticket, actor=paths.lock_engineer, to_level="L2", reason="Bitte prüfen")
    ticket.refresh_from_db()
    # Nobody escalated it from L2: it waits in Support's L2 queue, not the engineers'.
    assert (ticket.team, ticket.level.code, ticket.assignee) == (paths.support, "L2", None)
