"""Requests from the portal reach the routing rules as coming through the "portal" form."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.routing.models import RoutingRule
from tierdesk.routing.services import PORTAL_SOURCE
from tierdesk.teams.models import Team
from tierdesk.tickets.models import EventKind, Priority, Ticket

pytestmark = pytest.mark.django_db


def test_a_rule_on_the_portal_routes_portal_requests(login: Callable[[User], Client]) -> None:
    RoutingRule.objects.create(name="Mail only", source="Support", set_team_id=None, position=1)
    RoutingRule.objects.create(
        name="Portal to sales",
        source=PORTAL_SOURCE,
        set_team=Team.objects.get(slug="sales"),
        set_priority=Priority.HIGH,
        position=2,
    )
    customer = factories.customer("kundin")
    response = login(customer).post(
        "/portal/new/", {"subject": "Frage zum Angebot", "body": "Gibt es Rabatt?"}
    )
    assert response.status_code == 302
    ticket = Ticket.objects.get(subject="Frage zum Angebot")
    assert (ticket.team.slug, ticket.priority) == ("sales", Priority.HIGH)
    reasons = ticket.events.get(kind=EventKind.ROUTED).data["reasons"]
    assert reasons[0].endswith("(Portal to sales)")


def test_tickets_from_elsewhere_do_not_match_the_portal_rule() -> None:
    RoutingRule.objects.create(
        name="Portal to sales", source=PORTAL_SOURCE, set_team=Team.objects.get(slug="sales")
    )
    ticket = factories.ticket(factories.customer(), subject="Frage zum Angebot")
    assert ticket.team.slug != "sales"
