"""Deadlines run as background tasks; a stopped worker loses no breach and records none twice.

The worker is the real ``db_worker`` of django-tasks-db in batch mode, run with
committed data (transactional tests) so it reads what the services queued.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tests import factories
from tests.sla.conftest import make_policy
from tierdesk.sla.models import TicketSlaTarget
from tierdesk.sla.services import EVENT_BREACHED, sla_sweep
from tierdesk.tickets.models import TimelineEvent


@pytest.fixture
def keep_signal_handlers() -> Iterator[None]:
    """The worker installs its own SIGINT/SIGTERM handlers; give pytest its own back."""
    saved = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


def run_worker() -> None:
    call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)


def breach_events(ticket) -> int:  # type: ignore[no-untyped-def]
    return TimelineEvent.objects.filter(ticket=ticket, kind=EVENT_BREACHED).count()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_breach_missed_while_worker_down_is_recorded_once(
    department, clock, around_the_clock, keep_signal_handlers
) -> None:  # type: ignore[no-untyped-def]
    make_policy(first=1, following=None, resolution=None, calendar=around_the_clock)
    ticket = factories.ticket(department.customer_a)
    target = TicketSlaTarget.objects.get(ticket=ticket, name="first_response")
    queued = DBTaskResult.objects.filter(task_path="tierdesk.sla.tasks.sla_check_ticket")
    assert queued.count() == 1  # the warning (at 48 s) comes first
    assert queued.get().run_after == target.warn_at

    # The worker is down while the deadline passes …
    clock.advance(minutes=10)
    assert breach_events(ticket) == 0
    # … and starts again: its queued task runs late and records the breach.
    run_worker()
    assert breach_events(ticket) == 1
    target.refresh_from_db()
    assert target.breached_at == target.due_at
    assert target.next_check_at is None

    # A second start and the sweep find nothing left to record.
    run_worker()
    assert sla_sweep().breaches == 0
    call_command("sla_sweep", "--no-schedule", verbosity=0)
    assert breach_events(ticket) == 1
    assert not DBTaskResult.objects.filter(status="FAILED").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sweep_records_a_breach_whose_task_was_lost(
    department, clock, around_the_clock, keep_signal_handlers
) -> None:  # type: ignore[no-untyped-def]
    make_policy(first=1, following=None, resolution=None, calendar=around_the_clock)
    ticket = factories.ticket(department.customer_a)
    DBTaskResult.objects.all().delete()  # e.g. the queue was wiped
    clock.advance(minutes=10)
    run_worker()
    assert breach_events(ticket) == 0
    result = sla_sweep()
    assert (result.tickets_checked, result.breaches) == (1, 1)
    assert sla_sweep().breaches == 0
    run_worker()
    assert breach_events(ticket) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_periodic_sweep_queues_itself_once(department, clock, keep_signal_handlers) -> None:  # type: ignore[no-untyped-def]
    call_command("sla_sweep", verbosity=0)
    call_command("sla_sweep", verbosity=0)
    sweeps = DBTaskResult.objects.filter(task_path="tierdesk.sla.tasks.sla_sweep_periodically")
    assert sweeps.count() == 1
    clock.advance(minutes=6)
    run_worker()  # runs the sweep, which queues the next one
    assert sweeps.filter(status="SUCCESSFUL").count() == 1
    assert sweeps.filter(status="READY").count() == 1
