"""Unrouted requests: the classifier routes them when sure, leaves them for triage when not."""

from __future__ import annotations

import pytest

from tests import factories
from tierdesk.routing.models import RoutingPolicy, TicketRouting
from tierdesk.routing.rules import TRIAGE_TAG
from tierdesk.tickets.models import EventKind

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("vocabulary")]


def test_seeded_vocabulary_routes_a_clear_cancellation() -> None:
    ticket = factories.ticket(
        factories.customer(),
        subject="Kündigung meines Abos",
        body="Hiermit kündige ich mein Abo zum Monatsende.",
    )
    assert (ticket.team.slug, ticket.type) == ("loyalty", "cancellation")
    routing = TicketRouting.objects.get(ticket=ticket)
    assert (routing.classified_type, routing.needs_triage) == ("cancellation", False)
    assert routing.confidence is not None and routing.confidence >= 0.6
    reasons = ticket.events.get(kind=EventKind.ROUTED).data["reasons"]
    assert reasons[0].startswith("classifier: cancellation for loyalty")


def test_unclear_request_is_left_for_triage_in_the_default_team() -> None:
    ticket = factories.ticket(factories.customer(), subject="Hallo", body="Bitte melden Sie sich.")
    assert (ticket.team.slug, ticket.type) == ("support", "question")
    assert TRIAGE_TAG in ticket.tags.values_list("name", flat=True)
    assert TicketRouting.objects.get(ticket=ticket).needs_triage


def test_threshold_is_the_policys() -> None:
    policy = RoutingPolicy.objects.get()
    policy.classifier_threshold = 0.99
    policy.save()
    ticket = factories.ticket(
        factories.customer(), subject="Kündigung", body="Ich kündige mein Abo."
    )
    assert ticket.team.slug == "support"
    assert TicketRouting.objects.get(ticket=ticket).needs_triage


def test_without_a_vocabulary_nothing_is_classified_or_triaged() -> None:
    from tierdesk.routing.models import ClassifierKeyword

    ClassifierKeyword.objects.all().delete()
    ticket = factories.ticket(factories.customer(), subject="Kündigung", body="Ich kündige.")
    assert (ticket.team.slug, ticket.type) == ("support", "question")
    assert not ticket.tags.exists()
    assert TicketRouting.objects.get(ticket=ticket).confidence is None


def test_loading_the_vocabulary_twice_adds_nothing_the_second_time() -> None:
    from django.core.management import call_command

    from tierdesk.routing.models import ClassifierKeyword

    count = ClassifierKeyword.objects.count()
    assert count > 200
    call_command("routing_load_vocabulary")
    assert ClassifierKeyword.objects.count() == count
