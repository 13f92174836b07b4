"""Warnings and breaches: timeline events, notices, escalation actions, and their guards."""

from __future__ import annotations

import pytest

from tests import factories
from tests.sla.calendars import berlin
from tests.sla.conftest import make_policy
from tierdesk.sla.models import TicketSlaTarget
from tierdesk.sla.services import (
    EVENT_BREACHED,
    EVENT_WARNING,
    SYSTEM_USERNAME,
    sla_process_due,
    sla_sweep,
)
from tierdesk.tickets.models import EventKind, Priority, TimelineEvent
from tierdesk.tickets.services import ticket_assign, ticket_reply


@pytest.mark.django_db
def test_warning_then_breach_with_escalation_and_lead(department, clock, office_hours) -> None:  # type: ignore[no-untyped-def]
    make_policy(first=60, breach_escalate=True, breach_assign_lead=True, warning_share=0.5)
    clock.set(berlin(2025, 6, 2, 9))
    ticket = factories.ticket(department.customer_a)
    ticket_assign(ticket, actor=department.l1, assignee=department.l1)

    clock.set(berlin(2025, 6, 2, 9, 31))  # half of 60 minutes used
    assert sla_sweep().warnings == 1
    assert sla_sweep().warnings == 0
    assert department.l1.notifications.filter(kind=EVENT_WARNING).count() == 1
    assert department.lead.notifications.filter(kind=EVENT_WARNING).count() == 1

    clock.set(berlin(2025, 6, 2, 10, 5))
    result = sla_sweep()
    assert (result.breaches, result.warnings) == (1, 0)
    ticket.refresh_from_db()
    assert ticket.level.code == "L2"  # escalated one level …
    assert ticket.assignee == department.lead  # … and given to the lead (who works at L2)
    escalation = TimelineEvent.objects.get(ticket=ticket, kind=EventKind.ESCALATED)
    assert escalation.actor.username == SYSTEM_USERNAME
    assert department.l1.notifications.filter(kind=EVENT_BREACHED).count() == 1
    assert TimelineEvent.objects.filter(ticket=ticket, kind=EVENT_BREACHED).count() == 1
    assert sla_process_due(ticket.pk) == []


@pytest.mark.django_db
def test_late_reply_before_the_sweep_still_records_the_breach_but_acts_not(
    department, clock, office_hours
) -> None:  # type: ignore[no-untyped-def]
    make_policy(first=60, breach_raise_priority=True)
    clock.set(berlin(2025, 6, 2, 9))
    ticket = factories.ticket(department.customer_a, priority=Priority.NORMAL)
    clock.set(berlin(2025, 6, 2, 11))  # answered late; no worker ran at 10:00
    ticket_reply(ticket, actor=department.l1, body="Entschuldigung")
    target = TicketSlaTarget.objects.get(ticket=ticket, name="first_response")
    assert (target.state, target.breached_at) == ("breached", None)
    assert sla_sweep().breaches == 1
    event = TimelineEvent.objects.get(ticket=ticket, kind=EVENT_BREACHED)
    assert event.data["met_late_at"] == berlin(2025, 6, 2, 11).isoformat()
    ticket.refresh_from_db()
    assert ticket.priority == Priority.NORMAL  # nobody needs to act any more
    assert not department.lead.notifications.filter(kind=EVENT_BREACHED).exists()


@pytest.mark.django_db
def test_failing_action_is_logged_not_fatal(department, clock, office_hours, caplog) -> None:  # type: ignore[no-untyped-def]
    make_policy(first=60, breach_escalate=True, breach_assign_lead=True)
    clock.set(berlin(2025, 6, 2, 9))
    ticket = factories.ticket(department.customer_a, level=None)
    from tierdesk.teams.models import Level
    from tierdesk.tickets.services import ticket_escalate

    ticket_escalate(ticket, actor=department.l2, to_level=Level.objects.get(code="L3"), reason="x")
    clock.set(berlin(2025, 6, 2, 11))
    assert sla_sweep().breaches == 1  # nothing above L3; no L3 lead: both skipped
    ticket.refresh_from_db()
    assert ticket.level.code == "L3" and ticket.assignee is None
    assert TimelineEvent.objects.filter(ticket=ticket, kind=EVENT_BREACHED).count() == 1
