from __future__ import annotations

import pytest

from tests import factories
from tierdesk.tickets.errors import InvalidChange
from tierdesk.tickets.models import Escalation, EventKind
from tierdesk.tickets.services import (
    ticket_assign,
    ticket_de_escalate,
    ticket_escalate,
)


def test_escalation_up_through_the_levels_and_back_down(department):
    ticket = factories.ticket(department.customer_a)
    ticket_assign(ticket, actor=department.l1, assignee=department.l1)

    ticket_escalate(
        ticket, actor=department.l1, to_level="L2", reason="Fehlerbild unklar", summary="Logs dabei"
    )
    assert ticket.level.code == "L2"
    assert ticket.assignee is None
    ticket_assign(ticket, actor=department.l2, assignee=department.l2)

    ticket_escalate(ticket, actor=department.l2, to_level="L3", reason="Firmwarefehler?")
    assert ticket.level.code == "L3"

    ticket_de_escalate(ticket, actor=department.l3, to_level="L2", reason="Workaround gefunden")
    ticket.refresh_from_db()
    assert ticket.level.code == "L2"
    # Back to the Second Level agent who escalated it, to relay to the customer.
    assert ticket.assignee == department.l2

    ticket_de_escalate(ticket, actor=department.l2, to_level="L1", reason="Standardfall")
    ticket.refresh_from_db()
    assert ticket.level.code == "L1"
    assert ticket.assignee == department.l1

    moves = list(Escalation.objects.filter(ticket=ticket).values_list("to_level__code", flat=True))
    assert moves == ["L2", "L3", "L2", "L1"]
    events = ticket.events.filter(kind__in=[EventKind.ESCALATED, EventKind.DE_ESCALATED])
    assert [(e.data["old"], e.data["new"]) for e in events] == [
        ("L1", "L2"),
        ("L2", "L3"),
        ("L3", "L2"),
        ("L2", "L1"),
    ]
    first = events.first()
    assert first is not None
    assert first.data["reason"] == "Fehlerbild unklar"
    assert first.data["summary"] == "Logs dabei"
    assert first.actor == department.l1


def test_escalation_needs_a_reason(department):
    ticket = factories.ticket(department.customer_a)
    with pytest.raises(InvalidChange, match="reason"):
        ticket_escalate(ticket, actor=department.l1, to_level="L2", reason="  ")
    ticket.refresh_from_db()
    assert ticket.level.code == "L1"
    assert not ticket.events.filter(kind=EventKind.ESCALATED).exists()


@pytest.mark.parametrize("target", ["L1", "self_service", "pre_support", "L9"])
def test_escalation_only_goes_up_to_a_level_with_a_queue(department, target):
    ticket = factories.ticket(department.customer_a)
    with pytest.raises(InvalidChange):
        ticket_escalate(ticket, actor=department.l1, to_level=target, reason="x")


def test_handing_back_must_go_down(department):
    ticket = factories.ticket(department.customer_a)
    with pytest.raises(InvalidChange):
        ticket_de_escalate(ticket, actor=department.l1, to_level="L2", reason="x")


def test_escalation_tells_the_team_lead(department):
    ticket = factories.ticket(department.customer_a)
    ticket_escalate(ticket, actor=department.l1, to_level="L2", reason="komplex")
    notification = department.lead.notifications.get()
    assert f"#{ticket.number}" in notification.text
    assert notification.ticket == ticket
