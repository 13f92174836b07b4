"""Mail reaches the routing rules with its mailbox; the mailbox's team routes what no rule does.

A rule on the mailbox ("mailbox or form") matches; a rule's team and the key-account
policy win over the mailbox's team; mail to an address of no mailbox is known by
that address.
"""

from __future__ import annotations

import pytest

from tests.channels.conftest import make_mail
from tierdesk.accounts.models import User
from tierdesk.channels.inbound import inbound_mail_process, inbound_mail_store
from tierdesk.channels.models import Mailbox
from tierdesk.customers.models import Organisation
from tierdesk.routing.models import RoutingRule
from tierdesk.routing.services import classifier_vocabulary_load
from tierdesk.teams.models import AgentProfile, Level, Team, TeamMembership
from tierdesk.tickets.models import EventKind, Priority, Ticket

pytestmark = pytest.mark.django_db

RETURNS_ADDRESS = "retouren@heimwacht.example"


@pytest.fixture
def returns_mailbox() -> Mailbox:
    return Mailbox.objects.create(
        name="Retouren", addresses=RETURNS_ADDRESS, team=Team.objects.get(slug="returns")
    )


def _deliver(to: str, *, sender: str = "kunde@example.com", **mail: str) -> Ticket:
    raw = make_mail(sender=sender, to=to, **mail).as_bytes()
    stored = inbound_mail_store(raw=raw, envelope_from=sender, envelope_to=[to])
    processed = inbound_mail_process(stored.inbound.pk)
    assert processed.ticket is not None, processed.error
    return processed.ticket


def _reasons(ticket: Ticket) -> list[str]:
    return list(ticket.events.get(kind=EventKind.ROUTED).data["reasons"])


def test_a_rule_on_the_mailbox_matches_its_mail(returns_mailbox: Mailbox) -> None:
    rule = RoutingRule.objects.create(
        name="Retouren eilig", source="retouren", set_priority=Priority.HIGH, set_tags="rma"
    )
    ticket = _deliver(RETURNS_ADDRESS, subject="Gerät defekt", body="Bitte um Austausch.")
    assert (ticket.team.slug, ticket.priority) == ("returns", Priority.HIGH)
    assert list(ticket.tags.values_list("name", flat=True)) == ["rma"]
    assert _reasons(ticket)[:2] == [f"rule {rule.pk} (Retouren eilig)", "team of Retouren: returns"]


def test_without_a_rule_the_mailbox_team_routes_and_nothing_waits_for_triage(
    returns_mailbox: Mailbox,
) -> None:
    classifier_vocabulary_load()
    ticket = _deliver(RETURNS_ADDRESS, subject="Hallo", body="Bitte melden Sie sich.")
    assert ticket.team.slug == "returns"
    assert not ticket.tags.filter(name="triage").exists()


def test_a_rules_team_wins_over_the_mailbox_team(returns_mailbox: Mailbox) -> None:
    RoutingRule.objects.create(
        name="Beschwerden", keywords="Beschwerde", set_team=Team.objects.get(slug="complaints")
    )
    ticket = _deliver(RETURNS_ADDRESS, subject="Beschwerde", body="Der Fahrer war unfreundlich.")
    assert ticket.team.slug == "complaints"


def test_a_key_accounts_mail_reaches_its_account_manager(returns_mailbox: Mailbox) -> None:
    manager = User.objects.create_user(username="petra", email="petra@x.example", role="agent")
    AgentProfile.objects.create(user=manager, level=Level.objects.get(code="L2"), languages=["de"])
    TeamMembership.objects.create(user=manager, team=Team.objects.get(slug="account_management"))
    Organisation.objects.create(
        name="Großkunde AG",
        email_domain="grosskunde.example",
        is_key_account=True,
        account_manager=manager,
    )
    ticket = _deliver(
        RETURNS_ADDRESS, sender="einkauf@grosskunde.example", subject="Rücksendung 40 Geräte"
    )
    assert (ticket.team.slug, ticket.assignee) == ("account_management", manager)
    assert ticket.priority >= Priority.HIGH


def test_mail_to_an_address_of_no_mailbox_is_known_by_that_address() -> None:
    rule = RoutingRule.objects.create(
        name="Presse", source="presse@heimwacht.example", set_team=Team.objects.get(slug="sales")
    )
    ticket = _deliver("Presse@Heimwacht.example", subject="Interviewanfrage")
    assert ticket.team.slug == "sales"
    assert _reasons(ticket)[0] == f"rule {rule.pk} (Presse)"
