"""Every state change writes a timeline event with its actor, from the same service call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests import factories
from tierdesk.teams.models import Team
from tierdesk.tickets.models import EventKind, Priority, Status, Ticket
from tierdesk.tickets.services import (
    help_request_create,
    problem_create,
    ticket_add_note,
    ticket_customer_message,
    ticket_escalate,
    ticket_link,
    ticket_merge,
    ticket_reply,
    ticket_update,
)

CHANGES: dict[str, tuple[Callable[[Ticket, Any], object], EventKind, str]] = {
    "status": (
        lambda t, d: ticket_update(t, actor=d.l1, expected_version=None, status=Status.ON_HOLD),
        EventKind.STATUS,
        "l1",
    ),
    "priority": (
        lambda t, d: ticket_update(t, actor=d.l1, expected_version=None, priority=Priority.URGENT),
        EventKind.PRIORITY,
        "l1",
    ),
    "assignee": (
        lambda t, d: ticket_update(t, actor=d.lead, expected_version=None, assignee=d.l1),
        EventKind.ASSIGNEE,
        "lead",
    ),
    "team": (
        lambda t, d: ticket_update(
            t, actor=d.l1, expected_version=None, team=Team.objects.get(slug="returns")
        ),
        EventKind.TEAM,
        "l1",
    ),
    "type": (
        lambda t, d: ticket_update(t, actor=d.l1, expected_version=None, ticket_type="complaint"),
        EventKind.TYPE,
        "l1",
    ),
    "tags": (
        lambda t, d: ticket_update(t, actor=d.l1, expected_version=None, tags=["drucker"]),
        EventKind.TAGS,
        "l1",
    ),
    "escalation": (
        lambda t, d: ticket_escalate(t, actor=d.l1, to_level="L2", reason="komplex"),
        EventKind.ESCALATED,
        "l1",
    ),
    "reply": (lambda t, d: ticket_reply(t, actor=d.l1, body="Hallo"), EventKind.REPLY, "l1"),
    "note": (lambda t, d: ticket_add_note(t, actor=d.l1, body="intern"), EventKind.NOTE, "l1"),
    "customer message": (
        lambda t, d: ticket_customer_message(t, author=d.customer_a, body="Noch da?"),
        EventKind.CUSTOMER_MESSAGE,
        "customer_a",
    ),
    "help request": (
        lambda t, d: help_request_create(t, requested_by=d.l1, helper=d.lead, question="Idee?"),
        EventKind.HELP_REQUESTED,
        "l1",
    ),
    "merge": (
        lambda t, d: ticket_merge(factories.ticket(d.customer_a), into=t, actor=d.l1),
        EventKind.MERGED,
        "l1",
    ),
    "link": (
        lambda t, d: ticket_link(t, target=factories.ticket(d.customer_b), actor=d.l1),
        EventKind.LINKED,
        "l1",
    ),
    "problem": (
        lambda t, d: problem_create(t, actor=d.l2, subject="Firmware", description="Absturz"),
        EventKind.PROBLEM_LINKED,
        "l2",
    ),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_each_state_change_writes_one_event_with_its_actor(department, change):
    ticket = factories.ticket(department.customer_a)
    before = ticket.events.count()
    version = Ticket.objects.get(pk=ticket.pk).version
    apply, kind, actor_name = CHANGES[change]

    apply(ticket, department)

    new_events = ticket.events.order_by("id")[before:]
    assert kind in [event.kind for event in new_events]
    event = next(event for event in new_events if event.kind == kind)
    assert event.actor == getattr(department, actor_name)
    assert Ticket.objects.get(pk=ticket.pk).version > version


def test_an_update_without_changes_writes_no_event(department):
    ticket = factories.ticket(department.customer_a)
    before = ticket.events.count()
    ticket_update(ticket, actor=department.l1, expected_version=None, status=ticket.status)
    assert ticket.events.count() == before
