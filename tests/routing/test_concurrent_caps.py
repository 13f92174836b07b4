"""Caps hold when several workers assign at once (PostgreSQL: real row locks).

Each worker is a thread with its own database connection. Without the row locks
on the agents, two workers count the same open tickets and both assign to the
agent with room for one more.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

import pytest
from django.db import connection, connections

from tests import factories
from tests.routing.conftest import routing_agent, set_mode
from tierdesk.routing.dispatch import ticket_route_assign
from tierdesk.tickets.models import OPEN_STATUSES, Ticket

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL's row locks and real concurrency",
    ),
]

WORKERS = 8
CAP = 4


def run_at_once(jobs: list[Callable[[], None]]) -> list[BaseException]:
    start = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def worker(job: Callable[[], None]) -> None:
        try:
            start.wait()
            job()
        except BaseException as error:  # reported to the test below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def open_per_agent() -> Counter[str]:
    return Counter(
        Ticket.objects.filter(status__in=OPEN_STATUSES, assignee__isnull=False).values_list(
            "assignee__username", flat=True
        )
    )


def test_concurrent_arrivals_never_exceed_the_cap() -> None:
    set_mode("support")
    agents = [routing_agent(f"agent{i}", cap=CAP) for i in range(3)]
    customers = [factories.customer() for _ in range(WORKERS)]

    def arrivals(customer):  # type: ignore[no-untyped-def]
        def job() -> None:
            for index in range(4):
                factories.ticket(customer, subject=f"Anfrage {index}", body="Bitte helfen.")

        return job

    errors = run_at_once([arrivals(customer) for customer in customers])
    assert errors == []
    loads = open_per_agent()
    assert Ticket.objects.count() == WORKERS * 4
    assert loads == Counter({agent.username: CAP for agent in agents})  # full, never over
    assert Ticket.objects.filter(assignee__isnull=True).count() == WORKERS * 4 - 3 * CAP


def test_concurrent_assignment_of_waiting_tickets_never_exceeds_the_cap() -> None:
    routing_agent("one", cap=CAP)
    routing_agent("two", cap=CAP)
    waiting = [factories.ticket(factories.customer()) for _ in range(WORKERS * 3)]
    assert not Ticket.objects.filter(assignee__isnull=False).exists()  # pull mode so far
    chunks = [waiting[i::WORKERS] for i in range(WORKERS)]

    def assign(chunk):  # type: ignore[no-untyped-def]
        def job() -> None:
            for ticket in chunk:
                ticket_route_assign(ticket)

        return job

    errors = run_at_once([assign(chunk) for chunk in chunks])
    assert errors == []
    assert open_per_agent() == Counter({"one": CAP, "two": CAP})
