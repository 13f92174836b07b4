"""Which policy applies (seeded defaults: urgent and key accounts faster) and due-time order."""

from __future__ import annotations

import pytest

from tests import factories
from tests.sla.calendars import berlin
from tierdesk.customers.models import Organisation
from tierdesk.sla.models import SlaPolicy, TicketSlaTarget
from tierdesk.sla.policies import PolicyRule, TicketFacts, first_matching
from tierdesk.sla.selectors import order_by_sla_due, sla_targets_for
from tierdesk.sla.services import policy_for
from tierdesk.tickets.models import Priority, Ticket


def first_response_minutes(ticket: Ticket) -> int:
    return TicketSlaTarget.objects.get(ticket=ticket, name="first_response").target_minutes


@pytest.mark.django_db
def test_seeded_policies_answer_urgent_and_key_accounts_faster(department, clock) -> None:  # type: ignore[no-untyped-def]
    clock.set(berlin(2025, 6, 2, 9))
    key_account = Organisation.objects.create(name="Großkunde AG", is_key_account=True)
    vip = factories.customer("vip", organisation=key_account)
    normal = factories.ticket(department.customer_a, priority=Priority.NORMAL)
    urgent = factories.ticket(department.customer_a, priority=Priority.URGENT)
    key = factories.ticket(vip, priority=Priority.NORMAL)
    key_urgent = factories.ticket(vip, priority=Priority.URGENT)
    names = {t.pk: policy_for(t).name for t in (normal, urgent, key, key_urgent)}  # type: ignore[union-attr]
    assert names == {
        normal.pk: "Standard",
        urgent.pk: "Urgent",
        key.pk: "Key account",
        key_urgent.pk: "Key account, urgent",
    }
    minutes = [first_response_minutes(t) for t in (normal, key, urgent, key_urgent)]
    assert minutes == sorted(minutes, reverse=True) and len(set(minutes)) == 4


@pytest.mark.django_db
def test_queue_sorts_by_soonest_due_time(department, clock) -> None:  # type: ignore[no-untyped-def]
    clock.set(berlin(2025, 6, 2, 9))
    normal = factories.ticket(department.customer_a, priority=Priority.NORMAL)
    urgent = factories.ticket(department.customer_a, priority=Priority.URGENT)
    high = factories.ticket(department.customer_a, priority=Priority.HIGH)
    SlaPolicy.objects.all().delete()
    unclocked = factories.ticket(department.customer_a, priority=Priority.URGENT)
    ordered = list(order_by_sla_due(Ticket.objects.filter(team=normal.team, status="new")))
    assert ordered == [urgent, high, normal, unclocked]
    assert [t.sla_due_at is not None for t in ordered] == [True, True, True, False]
    index_fields = [tuple(index.fields) for index in Ticket._meta.indexes]
    assert ("team", "status", "sla_due_at") in index_fields


@pytest.mark.django_db
def test_api_view_of_the_clocks(department, clock) -> None:  # type: ignore[no-untyped-def]
    clock.set(berlin(2025, 6, 2, 9))
    ticket = factories.ticket(department.customer_a)
    entries = [view.as_api() for view in sla_targets_for(ticket)]
    assert [entry["name"] for entry in entries] == ["first_response", "resolution"]
    assert entries[0] == {
        "name": "first_response",
        "due_at": berlin(2025, 6, 2, 17, 0),  # Standard: 480 business minutes
        "business_minutes_used": 0.0,
        "state": "running",
    }
    clock.set(berlin(2025, 6, 3, 9))
    assert sla_targets_for(ticket)[0].state == "breached"  # past due, not yet swept


def test_first_matching_rule_wins_and_empty_conditions_match_all() -> None:
    facts = TicketFacts(
        priority=2,
        team_id=1,
        level_id=3,
        channel="email",
        ticket_type="question",
        organisation_id=None,
        is_key_account=False,
        language="de-DE",
    )
    english = PolicyRule(policy_id=1, name="English", languages=frozenset({"en"}))
    phone = PolicyRule(policy_id=2, name="Phone", channels=frozenset({"phone"}))
    german_email = PolicyRule(
        policy_id=3, name="German mail", languages=frozenset({"DE"}), channels=frozenset({"email"})
    )
    anything = PolicyRule(policy_id=4, name="Any")
    assert first_matching([english, phone, german_email, anything], facts) == german_email
    assert first_matching([english, phone, anything], facts) == anything
    assert first_matching([english, phone], facts) is None
