"""A ticket walked through waiting for the customer, on hold, solved and reopened.

Calendar: Mon–Fri 8–18 Europe/Berlin (CEST in June 2025). Policy: first response
60, next response 120, resolution 600 business minutes; waiting for customer
and on hold pause resolution.
"""

from __future__ import annotations

import pytest

from tests import factories
from tests.sla.calendars import berlin
from tests.sla.conftest import make_policy
from tierdesk.sla.models import TargetState, TicketSlaTarget
from tierdesk.sla.selectors import sla_targets_for
from tierdesk.sla.services import EVENT_BREACHED, sla_process_due
from tierdesk.tickets.models import Priority, Status, TimelineEvent
from tierdesk.tickets.services import (
    ticket_change_status,
    ticket_customer_message,
    ticket_reply,
)


def targets(ticket) -> dict[str, TicketSlaTarget]:  # type: ignore[no-untyped-def]
    return {row.name: row for row in TicketSlaTarget.objects.filter(ticket=ticket)}


@pytest.mark.django_db
def test_pending_on_hold_solved_reopened(department, clock, office_hours) -> None:  # type: ignore[no-untyped-def]
    make_policy(breach_raise_priority=True)
    clock.set(berlin(2025, 6, 2, 9, 0))  # Monday
    ticket = factories.ticket(department.customer_a, priority=Priority.NORMAL)
    rows = targets(ticket)
    assert set(rows) == {"first_response", "resolution"}
    assert rows["first_response"].due_at == berlin(2025, 6, 2, 10, 0)
    # 540 minutes on Monday, 60 on Tuesday.
    assert rows["resolution"].due_at == berlin(2025, 6, 3, 9, 0)
    ticket.refresh_from_db()
    assert ticket.sla_due_at == berlin(2025, 6, 2, 10, 0)

    clock.set(berlin(2025, 6, 2, 9, 30))
    ticket_reply(
        ticket, actor=department.l1, body="Bitte Modell?", new_status=Status.PENDING_CUSTOMER
    )
    rows = targets(ticket)
    assert rows["first_response"].state == TargetState.MET
    assert rows["first_response"].met_at == berlin(2025, 6, 2, 9, 30)
    assert rows["resolution"].state == TargetState.PAUSED
    assert rows["resolution"].paused_since == berlin(2025, 6, 2, 9, 30)
    assert rows["resolution"].business_minutes_used == 30
    ticket.refresh_from_db()
    assert ticket.sla_due_at is None  # nothing is running

    clock.set(berlin(2025, 6, 3, 11, 0))  # Tuesday: the customer answers, the ticket reopens
    ticket_customer_message(ticket, author=department.customer_a, body="Modell X200")
    rows = targets(ticket)
    assert rows["resolution"].state == TargetState.RUNNING
    # 30 used; 570 left from Tuesday 11:00: 420 on Tuesday, 150 on Wednesday.
    assert rows["resolution"].due_at == berlin(2025, 6, 4, 10, 30)
    assert rows["resolution"].paused_intervals == [
        [berlin(2025, 6, 2, 9, 30).isoformat(), berlin(2025, 6, 3, 11, 0).isoformat()]
    ]
    assert rows["next_response"].due_at == berlin(2025, 6, 3, 13, 0)
    ticket.refresh_from_db()
    assert ticket.sla_due_at == berlin(2025, 6, 3, 13, 0)

    clock.set(berlin(2025, 6, 3, 12, 0))
    ticket_reply(ticket, actor=department.l1, body="Danke, wir prüfen.")
    clock.set(berlin(2025, 6, 3, 12, 30))
    ticket_change_status(ticket, actor=department.l1, status=Status.ON_HOLD)
    rows = targets(ticket)
    assert rows["next_response"].state == TargetState.MET
    assert rows["resolution"].state == TargetState.PAUSED
    assert rows["resolution"].business_minutes_used == 120

    clock.set(berlin(2025, 6, 4, 8, 0))  # Wednesday
    ticket_change_status(ticket, actor=department.l1, status=Status.OPEN)
    assert targets(ticket)["resolution"].due_at == berlin(2025, 6, 4, 16, 0)

    clock.set(berlin(2025, 6, 4, 15, 0))
    ticket_change_status(ticket, actor=department.l1, status=Status.SOLVED)
    resolution = targets(ticket)["resolution"]
    assert (resolution.state, resolution.business_minutes_used) == (TargetState.MET, 540)
    assert resolution.met_at == berlin(2025, 6, 4, 15, 0)
    ticket.refresh_from_db()
    assert ticket.sla_due_at is None

    clock.set(berlin(2025, 6, 5, 9, 0))  # Thursday: the customer writes again, it reopens
    ticket_customer_message(ticket, author=department.customer_a, body="Geht wieder nicht.")
    rows = targets(ticket)
    assert rows["resolution"].state == TargetState.RUNNING
    assert rows["resolution"].met_at is None
    assert rows["resolution"].due_at == berlin(2025, 6, 5, 10, 0)  # 60 minutes were left
    assert rows["next_response"].due_at == berlin(2025, 6, 5, 11, 0)  # a new cycle

    clock.set(berlin(2025, 6, 5, 10, 30))
    assert [view.state for view in sla_targets_for(ticket)] == ["met", "running", "breached"]
    recorded = sla_process_due(ticket.pk)
    assert [(item.target, item.kind) for item in recorded] == [("resolution", EVENT_BREACHED)]
    assert sla_process_due(ticket.pk) == []  # recorded once
    breaches = TimelineEvent.objects.filter(ticket=ticket, kind=EVENT_BREACHED)
    assert breaches.count() == 1
    assert breaches.get().data["target"] == "resolution"
    resolution = targets(ticket)["resolution"]
    assert (resolution.state, resolution.breached_at) == ("breached", berlin(2025, 6, 5, 10, 0))
    ticket.refresh_from_db()
    assert ticket.priority == Priority.HIGH  # the policy's breach action
    assert department.lead.notifications.filter(kind=EVENT_BREACHED).count() == 1
