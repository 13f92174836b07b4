"""Two agents saving the same ticket: the later save gets a conflict, never a lost update."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from tests import factories
from tierdesk.tickets.errors import TicketConflict
from tierdesk.tickets.models import Priority, Status, Ticket
from tierdesk.tickets.services import ticket_update


def test_stale_version_is_refused_and_changes_nothing(department):
    ticket = factories.ticket(department.customer_a)
    seen_by_first = Ticket.objects.get(pk=ticket.pk)
    seen_by_second = Ticket.objects.get(pk=ticket.pk)

    ticket_update(
        seen_by_first,
        actor=department.l1,
        expected_version=seen_by_first.version,
        status=Status.PENDING_CUSTOMER,
    )
    with pytest.raises(TicketConflict) as conflict:
        ticket_update(
            seen_by_second,
            actor=department.lead,
            expected_version=seen_by_second.version,
            priority=Priority.URGENT,
        )
    assert conflict.value.current_version == seen_by_first.version
    assert "Reload" in conflict.value.message

    stored = Ticket.objects.get(pk=ticket.pk)
    assert stored.status == Status.PENDING_CUSTOMER
    assert stored.priority == Priority.NORMAL

    # After reloading, the second agent's change goes through.
    ticket_update(
        stored, actor=department.lead, expected_version=stored.version, priority=Priority.URGENT
    )
    stored.refresh_from_db()
    assert (stored.status, stored.priority) == (Status.PENDING_CUSTOMER, Priority.URGENT)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_saves_in_two_threads_let_exactly_one_win():
    department = factories.Department.build()
    ticket = factories.ticket(department.customer_a)
    version = ticket.version
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def save(name: str, **change: object) -> None:
        try:
            start.wait(timeout=10)
            ticket_update(
                Ticket.objects.get(pk=ticket.pk),
                actor=department.l1,
                expected_version=version,
                **change,  # type: ignore[arg-type]
            )
            outcomes[name] = "saved"
        except TicketConflict:
            outcomes[name] = "conflict"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=("status",), kwargs={"status": Status.ON_HOLD}),
        threading.Thread(target=save, args=("priority",), kwargs={"priority": Priority.HIGH}),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()) == ["conflict", "saved"]
    stored = Ticket.objects.get(pk=ticket.pk)
    winner = next(name for name, outcome in outcomes.items() if outcome == "saved")
    assert stored.version == version + 1
    if winner == "status":
        assert (stored.status, stored.priority) == (Status.ON_HOLD, Priority.NORMAL)
    else:
        assert (stored.status, stored.priority) == (Status.NEW, Priority.HIGH)
