"""Key accounts reach their account manager, or the account team when the manager is away."""

from __future__ import annotations

import pytest

from tests import factories
from tests.routing.conftest import routing_agent, set_mode
from tierdesk.customers.models import Organisation
from tierdesk.routing.models import CustomerTier, RoutingPolicy
from tierdesk.teams.models import AgentProfile, Presence
from tierdesk.tickets.models import EventKind, Priority

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager_and_account():  # type: ignore[no-untyped-def]
    manager = routing_agent("petra", team="account_management", level="L2")
    colleague = routing_agent("olaf", team="account_management", level="L2")
    organisation = Organisation.objects.create(
        name="Großkunde AG", is_key_account=True, account_manager=manager
    )
    return manager, colleague, organisation


def test_key_account_goes_to_its_manager_even_in_a_pull_team(manager_and_account) -> None:  # type: ignore[no-untyped-def]
    manager, _colleague, organisation = manager_and_account
    customer = factories.customer(organisation=organisation)
    ticket = factories.ticket(customer, subject="Rücksendung", body="Bitte zurücknehmen.")
    assert (ticket.team.slug, ticket.level.code) == ("account_management", "L2")
    assert ticket.assignee == manager
    assert ticket.priority == Priority.HIGH
    reasons = ticket.events.get(kind=EventKind.ROUTED).data["reasons"]
    assert any(reason.startswith("key account: to the account manager") for reason in reasons)
    assert reasons[-2:] == ["preferred agent (account manager) is available", "assigned to petra"]


def test_policy_priority_applies(manager_and_account) -> None:  # type: ignore[no-untyped-def]
    RoutingPolicy.objects.update(key_account_priority=Priority.URGENT)
    customer = factories.customer(organisation=manager_and_account[2])
    assert factories.ticket(customer).priority == Priority.URGENT


def test_absent_manager_pull_team_ticket_waits_for_the_account_team(manager_and_account) -> None:  # type: ignore[no-untyped-def]
    manager, _colleague, organisation = manager_and_account
    AgentProfile.objects.filter(user=manager).update(presence=Presence.ABSENT)
    ticket = factories.ticket(factories.customer(organisation=organisation))
    assert ticket.team.slug == "account_management"
    assert ticket.assignee is None
    reasons = ticket.events.get(kind=EventKind.ROUTED).data["reasons"]
    assert reasons[-2] == "preferred agent not assignable (not available)"


def test_absent_manager_push_team_ticket_goes_to_a_colleague(manager_and_account) -> None:  # type: ignore[no-untyped-def]
    manager, colleague, organisation = manager_and_account
    set_mode("account_management")
    AgentProfile.objects.filter(user=manager).update(presence=Presence.ABSENT)
    ticket = factories.ticket(factories.customer(organisation=organisation))
    assert ticket.assignee == colleague


def test_vip_customer_goes_to_the_account_team_with_priority() -> None:
    vip = factories.customer()
    CustomerTier.objects.create(customer=vip, is_vip=True)
    ticket = factories.ticket(vip)
    assert (ticket.team.slug, ticket.priority) == ("account_management", Priority.HIGH)
