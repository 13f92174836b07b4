"""The demo's routing set-up: products recognised, escalation paths, a push-mode team."""

from __future__ import annotations

from tierdesk.accounts.models import Role, User
from tierdesk.demo.loader import DemoSummary
from tierdesk.routing.selectors import escalation_target_for
from tierdesk.tickets.models import EventKind
from tierdesk.tickets.services import ticket_create


def _customer() -> User:
    """A private customer: key accounts and VIPs would go to account management."""
    customer = User.objects.filter(role=Role.CUSTOMER, organisation__isnull=True).first()
    assert customer is not None
    return customer


def test_arrivals_are_recognised_and_returns_are_pushed(small_demo: DemoSummary) -> None:
    ticket = ticket_create(
        requester=_customer(),
        subject="Rücksendung Raumthermostat T3",
        body="Ich möchte das Thermostat T3 zurückschicken, es passt nicht zu meiner Heizung.",
        channel="email",
    )
    assert ticket.team.slug == "returns"
    assert "thermostat-t3" in set(ticket.tags.values_list("name", flat=True))
    # Returns & Warranty works in push mode: the router hands the ticket out on arrival.
    assert ticket.assignee is not None
    assert ticket.assignee.team_memberships.filter(team__slug="returns").exists()
    routed = ticket.events.get(kind=EventKind.ROUTED)
    assert "thermostat-t3" in str(routed.data)


def test_teams_without_third_level_escalate_to_support_engineers(
    small_demo: DemoSummary,
) -> None:
    ticket = ticket_create(
        requester=_customer(),
        subject="Rücksendung: Türschloss S1 verliert Verbindung",
        body="Das Schloss S1 trennt sich jede Nacht von der Bridge, ich will es zurückgeben.",
        channel="email",
    )
    assert ticket.team.slug == "returns"
    target = escalation_target_for(ticket, "L3")
    assert target is not None and target.slug == "support"
    # Customer Support has engineers of its own: no path, it stays in the team.
    support_ticket = ticket_create(
        requester=_customer(),
        subject="Bridge B1 blinkt rot",
        body="Seit dem Stromausfall blinkt die Bridge rot und nichts geht mehr.",
        channel="email",
    )
    assert support_ticket.team.slug == "support"
    assert escalation_target_for(support_ticket, "L3") is None
