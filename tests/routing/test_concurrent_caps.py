"""Caps hold when several workers assign at once (PostgreSQL: real row locks).

Each worker is a thread with its own database connection. Without the row locks
on the agents, two workers count the same open tickets and both assign to the
agent with room for one more.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

from tests import factories
from tests.routing.conftest import routing_agent, set_mode
from tierdesk.routing.assignment import Needs
from tierdesk.routing.candidates import agent_states_for
from tierdesk.routing.dispatch import agent_set_presence, ticket_route_assign
from tierdesk.teams.models import Level, Presence, Team
from tierdesk.tickets.models import OPEN_STATUSES, EventKind, Ticket
from tierdesk.tickets.services import ticket_assign, ticket_update

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


def test_concurrent_chats_never_exceed_the_chat_cap() -> None:
    set_mode("support")
    agents = [routing_agent(f"chat{i}", cap=10, channel_caps={"chat": 2}) for i in range(3)]
    customers = [factories.customer() for _ in range(WORKERS)]

    def chats(customer):  # type: ignore[no-untyped-def]
        def job() -> None:
            for index in range(2):
                factories.ticket(customer, subject=f"Chat {index}", body="Hallo?", channel="chat")

        return job

    errors = run_at_once([chats(customer) for customer in customers])
    assert errors == []
    assert open_per_agent() == Counter({agent.username: 2 for agent in agents})
    assert Ticket.objects.filter(assignee__isnull=True).count() == WORKERS * 2 - 3 * 2


def test_redistribution_while_tickets_arrive_keeps_every_cap() -> None:
    set_mode("support")
    leaving = routing_agent("leaving", cap=CAP)
    for index in range(CAP):
        assert factories.ticket(factories.customer(), subject=f"Alt {index}").assignee == leaving
    colleagues = [routing_agent(name, cap=CAP) for name in ("one", "two")]
    customers = [factories.customer() for _ in range(WORKERS - 2)]

    def redistribute() -> None:
        agent_set_presence(leaving, actor=leaving, presence=Presence.ABSENT)

    def arrivals(customer):  # type: ignore[no-untyped-def]
        def job() -> None:
            for index in range(2):
                factories.ticket(customer, subject=f"Neu {index}", body="Bitte helfen.")

        return job

    errors = run_at_once([redistribute] + [arrivals(customer) for customer in customers])
    assert errors == []  # no deadlock between the two paths
    # 4 + 12 tickets compete for 8 places: every place is taken, none twice.
    assert open_per_agent() == Counter({agent.username: CAP for agent in colleagues})
    assert Ticket.objects.count() == CAP + (WORKERS - 2) * 2


def test_a_ticket_moved_while_its_reassignment_waits_goes_back_to_the_queue() -> None:
    """The reassignment locks the old team's agents, then finds the ticket in another team."""
    support, l1 = Team.objects.get(slug="support"), Level.objects.get(code="L1")
    holder = routing_agent("holder", cap=CAP)
    routing_agent("seller", team="sales")
    manager = factories.manager()
    ticket = factories.ticket(factories.customer())
    ticket_assign(ticket, actor=manager, assignee=holder)
    agents_held, router_waits = threading.Event(), threading.Event()

    def hold_agents_and_move_the_ticket() -> None:
        with transaction.atomic():
            agent_states_for(support, l1, Needs("support", "L1"), now=timezone.now())
            agents_held.set()
            assert router_waits.wait(timeout=30)
            moved = Ticket.objects.get(pk=ticket.pk)
            ticket_update(
                moved, actor=manager, team=Team.objects.get(slug="sales"), expected_version=None
            )

    def reassign() -> None:
        assert agents_held.wait(timeout=30)
        ticket_route_assign(Ticket.objects.get(pk=ticket.pk), why="rebalancing")

    def watch() -> None:
        """Tells the holder once the router waits for a lock."""
        assert agents_held.wait(timeout=30)
        for _attempt in range(600):
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE wait_event_type = 'Lock' AND datname = current_database()"
                )
                if cursor.fetchone()[0]:
                    router_waits.set()
                    return
            time.sleep(0.05)

    errors = run_at_once([hold_agents_and_move_the_ticket, reassign, watch])
    assert errors == []
    current = Ticket.objects.get(pk=ticket.pk)
    assert (current.team.slug, current.assignee) == ("sales", None)
    event = current.events.filter(kind=EventKind.ASSIGNEE).last()
    assert event.data["reasons"] == ["rebalancing", "no qualified agent (1 other team)"]
