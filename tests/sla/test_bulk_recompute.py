"""The bulk recomputation gives exactly what ``sla_recompute`` gives ticket by ticket.

Tickets are walked through the ticket services (replies, waiting for the
customer, on hold, reopening, solving, closing) under three policies and four
calendars; then their clocks are wiped, as after a history import, and computed
once ticket by ticket (``sla_recompute``, plus ``sla_process_due`` for solved and
closed tickets, which is what the sweep would do for them) and once in bulk.
Both must store the same rows, due times, timeline events and queued checks.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult, get_date_max

from tests import factories
from tests.sla.calendars import berlin
from tests.sla.conftest import FakeClock, make_policy
from tierdesk.notifications.models import Notification
from tierdesk.sla.bulk import sla_recompute_in_bulk
from tierdesk.sla.models import (
    Calendar,
    CalendarException,
    ExceptionKind,
    OpeningInterval,
    TeamCalendar,
    TicketSlaTarget,
)
from tierdesk.sla.services import (
    EVENT_BREACHED,
    EVENT_WARNING,
    sla_process_due,
    sla_recompute,
    sla_recompute_tickets,
)
from tierdesk.teams.models import Team
from tierdesk.tickets.errors import TicketError
from tierdesk.tickets.models import (
    OPEN_STATUSES,
    Channel,
    Priority,
    Status,
    Ticket,
    TimelineEvent,
)
from tierdesk.tickets.services import (
    ticket_add_note,
    ticket_change_status,
    ticket_customer_message,
    ticket_reply,
)

ROW_FIELDS = (
    "name",
    "policy_id",
    "target_minutes",
    "started_at",
    "due_at",
    "warn_at",
    "business_minutes_used",
    "paused_since",
    "paused_intervals",
    "state",
    "met_at",
    "warned_at",
    "breached_at",
    "next_check_at",
    "scheduled_for",
    "computed_at",
)
SLA_EVENTS = (EVENT_BREACHED, EVENT_WARNING)
# When the clocks are recomputed: after every walk below has ended.
NOW = berlin(2025, 7, 1, 10, 17)


# --- setting up: calendars, policies, and tickets with varied histories --------------------


def split_day_calendar() -> Calendar:
    """Mon–Sat 8–12 and 13–17:30 in Berlin with Bavarian holidays, a closure, a special day."""
    calendar = Calendar.objects.create(name="Split day", country="DE", subdivision="BY")
    OpeningInterval.objects.bulk_create(
        OpeningInterval(calendar=calendar, weekday=day, start=start, end=end)
        for day in range(6)
        for start, end in ((time(8), time(12)), (time(13), time(17, 30)))
    )
    CalendarException.objects.create(
        calendar=calendar, date=berlin(2025, 6, 11, 12).date(), kind=ExceptionKind.CLOSED
    )
    CalendarException.objects.create(
        calendar=calendar,
        date=berlin(2025, 6, 15, 12).date(),  # a Sunday
        kind=ExceptionKind.SPECIAL,
        start=time(10),
        end=time(14),
    )
    return calendar


def night_calendar() -> Calendar:
    """22:00–06:00 every night, New York time, no holidays (intervals cross midnight)."""
    calendar = Calendar.objects.create(name="Nights", time_zone="America/New_York", country="")
    OpeningInterval.objects.bulk_create(
        OpeningInterval(calendar=calendar, weekday=day, start=time(22), end=time(6))
        for day in range(7)
    )
    return calendar


def setup_policies(around_the_clock: Calendar) -> None:
    TeamCalendar.objects.create(team=Team.objects.get(slug="sales"), calendar=split_day_calendar())
    make_policy(
        "Urgent around the clock",
        first=30,
        following=45,
        resolution=240,
        calendar=around_the_clock,
        priorities=[Priority.URGENT],
        warning_share=0.5,
        position=1,
    )
    make_policy(
        "Phone at night",
        first=60,
        following=None,
        resolution=600,
        calendar=night_calendar(),
        channels=[Channel.PHONE],
        pause_statuses=[Status.ON_HOLD],
        warning_share=0,
        position=2,
    )
    # The team's calendar: Split day for sales, the default office hours for the others.
    make_policy("Everything else", first=60, following=120, resolution=900, position=3)


def walk(ticket: Ticket, rng: random.Random, clock: FakeClock, agent: Any, customer: Any) -> None:
    """A random history: replies, notes, customer messages and status changes."""
    steps = rng.randint(0, 9)
    for _ in range(steps):
        clock.advance(minutes=rng.choice([5, 40, 95, 240, 600, 1500, 3000]))
        if clock.now >= NOW - timedelta(minutes=10):
            return
        action = rng.choice(
            ["reply", "reply_pending", "customer", "note", "hold", "open", "solve", "close"]
        )
        try:
            if action == "reply":
                ticket_reply(ticket, actor=agent, body="Wir kümmern uns darum.")
            elif action == "reply_pending":
                ticket_reply(
                    ticket, actor=agent, body="Welches Modell?", new_status=Status.PENDING_CUSTOMER
                )
            elif action == "customer":
                ticket_customer_message(ticket, author=customer, body="Noch eine Frage.")
            elif action == "note":
                ticket_add_note(ticket, actor=agent, body="Intern: Lieferant gefragt.")
            else:
                status = {
                    "hold": Status.ON_HOLD,
                    "open": Status.OPEN,
                    "solve": Status.SOLVED,
                    "close": Status.CLOSED,
                }[action]
                ticket_change_status(ticket, actor=agent, status=status)
        except TicketError:
            continue  # e.g. writing on a closed ticket: not every random step is allowed
        ticket.refresh_from_db()


def scripted(department: Any, clock: FakeClock) -> Ticket:
    """Answered, waiting, answered again, on hold, solved, reopened, solved and closed."""
    agent, customer = department.l1, department.customer_a
    clock.set(berlin(2025, 6, 2, 9, 0))  # a Monday
    ticket = factories.ticket(customer, priority=Priority.NORMAL)
    steps: list[tuple[timedelta, Any]] = [
        (timedelta(minutes=20), lambda: ticket_reply(
            ticket, actor=agent, body="Welches Modell?", new_status=Status.PENDING_CUSTOMER
        )),
        (timedelta(minutes=40), lambda: ticket_customer_message(
            ticket, author=customer, body="X200"
        )),
        (timedelta(minutes=30), lambda: ticket_reply(ticket, actor=agent, body="Danke.")),
        (timedelta(minutes=30), lambda: ticket_change_status(
            ticket, actor=agent, status=Status.ON_HOLD
        )),
        (timedelta(days=1), lambda: ticket_change_status(ticket, actor=agent, status=Status.OPEN)),
        (timedelta(hours=3), lambda: ticket_change_status(
            ticket, actor=agent, status=Status.SOLVED
        )),
        (timedelta(days=1), lambda: ticket_customer_message(
            ticket, author=customer, body="Geht wieder nicht."
        )),
        (timedelta(minutes=50), lambda: ticket_reply(
            ticket, actor=agent, body="Neues Teil ist unterwegs.", new_status=Status.SOLVED
        )),
        (timedelta(days=3), lambda: ticket_change_status(
            ticket, actor=agent, status=Status.CLOSED
        )),
    ]  # fmt: skip
    for delay, step in steps:
        clock.advance(seconds=delay.total_seconds())
        step()
        ticket.refresh_from_db()
    return ticket


def make_tickets(department: Any, clock: FakeClock, count: int, seed: int = 3) -> list[Ticket]:
    """``count`` tickets: one scripted history and random ones."""
    rng = random.Random(seed)
    teams = {slug: Team.objects.get(slug=slug) for slug in ("support", "sales")}
    tickets = [scripted(department, clock)]
    for index in range(count - 1):
        clock.set(berlin(2025, 6, 2, 7, 0) + timedelta(hours=rng.randint(0, 24 * 25)))
        ticket = factories.ticket(
            department.customer_a if index % 2 else department.customer_b,
            priority=rng.choice([Priority.NORMAL, Priority.NORMAL, Priority.HIGH, Priority.URGENT]),
            channel=rng.choice([Channel.WEB, Channel.EMAIL, Channel.PHONE]),
            team=teams["sales" if index % 3 == 0 else "support"],
        )
        walk(ticket, rng, clock, department.l1, ticket.requester)
        tickets.append(ticket)
    clock.set(NOW)
    return tickets


def wipe_clocks() -> None:
    """As after a history import: no targets, no due times, no SLA events."""
    TicketSlaTarget.objects.all().delete()
    Ticket.objects.update(sla_due_at=None)
    TimelineEvent.objects.filter(kind__in=SLA_EVENTS).delete()


def stored() -> dict[str, Any]:
    """Every target row, due time and SLA event, keyed by ticket (database ids left out)."""
    rows: dict[int, list[tuple[Any, ...]]] = {}
    for ticket_id, *values in TicketSlaTarget.objects.order_by("ticket_id", "name").values_list(
        "ticket_id", *ROW_FIELDS
    ):
        rows.setdefault(ticket_id, []).append(tuple(values))
    events: dict[int, list[tuple[Any, ...]]] = {}
    for ticket_id, *values in (
        TimelineEvent.objects.filter(kind__in=SLA_EVENTS)
        .order_by("ticket_id", "id")
        .values_list("ticket_id", "kind", "actor_id", "created_at", "data")
    ):
        events.setdefault(ticket_id, []).append(tuple(values))
    return {
        "rows": rows,
        "due": dict(Ticket.objects.values_list("pk", "sla_due_at")),
        "events": events,
    }


def recompute_one_by_one(now: datetime) -> None:
    for ticket_id in Ticket.objects.order_by("pk").values_list("pk", flat=True):
        ticket = Ticket.objects.select_related("team", "level", "organisation").get(pk=ticket_id)
        if ticket.is_open:
            sla_recompute(ticket, now=now)
        else:
            # What the sweep does for history: recompute without queueing a check,
            # then record what is due.
            sla_process_due(ticket.pk, now=now)


# --- equality -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_bulk_equals_one_by_one(department, clock, around_the_clock) -> None:  # type: ignore[no-untyped-def]
    setup_policies(around_the_clock)
    tickets = make_tickets(department, clock, 40)
    statuses = {ticket.status for ticket in Ticket.objects.all()}
    assert {Status.SOLVED, Status.CLOSED} & statuses and set(OPEN_STATUSES) & statuses
    assert len({t.channel for t in tickets}) == 3

    wipe_clocks()
    recompute_one_by_one(NOW)
    expected = stored()
    wipe_clocks()
    notices = Notification.objects.count()
    assert sla_recompute_in_bulk(Ticket.objects.all(), now=NOW, batch_size=7) == len(tickets)
    got = stored()

    assert got["due"] == expected["due"]
    assert got["rows"] == expected["rows"]
    assert got["events"] == expected["events"]
    assert Notification.objects.count() == notices  # history notifies nobody
    # The histories were varied enough to exercise every kind of outcome.
    outcomes = {
        (row[0], row[9]) for ticket_rows in got["rows"].values() for row in ticket_rows
    }  # (name, state)
    for outcome in [
        ("first_response", "met"),
        ("first_response", "breached"),
        ("resolution", "met"),
        ("resolution", "paused"),
        ("next_response", "met"),
    ]:
        assert outcome in outcomes, outcome
    assert any(row[8] for rows in got["rows"].values() for row in rows)  # paused intervals
    assert any(events for events in got["events"].values())
    policies = {row[1] for rows in got["rows"].values() for row in rows}
    assert len(policies) == 3


@pytest.mark.django_db
def test_bulk_over_existing_rows_is_idempotent(department, clock, around_the_clock) -> None:  # type: ignore[no-untyped-def]
    """A second run (e.g. after a policy change) keeps recorded breaches, adds no event."""
    setup_policies(around_the_clock)
    make_tickets(department, clock, 16, seed=11)
    wipe_clocks()
    sla_recompute_in_bulk(Ticket.objects.all(), now=NOW)
    first = stored()
    ids_before = set(TicketSlaTarget.objects.values_list("pk", flat=True))
    sla_recompute_in_bulk(Ticket.objects.all(), now=NOW, batch_size=5)
    assert stored() == first
    assert set(TicketSlaTarget.objects.values_list("pk", flat=True)) == ids_before
    # Recomputing them one by one changes nothing either.
    recompute_one_by_one(NOW)
    assert stored() == first


@pytest.mark.django_db
def test_only_open_tickets_get_a_check_queued(  # type: ignore[no-untyped-def]
    department, clock, around_the_clock, django_capture_on_commit_callbacks
) -> None:
    setup_policies(around_the_clock)
    make_tickets(department, clock, 24, seed=5)
    wipe_clocks()
    DBTaskResult.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        sla_recompute_in_bulk(Ticket.objects.all(), now=NOW)
    queued = DBTaskResult.objects.filter(task_path="tierdesk.sla.tasks.sla_check_ticket")
    queued_for = sorted(task.args_kwargs["args"][0] for task in queued)
    with_checks = sorted(
        set(
            TicketSlaTarget.objects.filter(next_check_at__isnull=False).values_list(
                "ticket_id", flat=True
            )
        )
    )
    open_ids = set(Ticket.objects.filter(status__in=OPEN_STATUSES).values_list("pk", flat=True))
    assert queued_for == with_checks  # one task per ticket with a check …
    assert set(queued_for) <= open_ids and queued_for  # … and only open tickets have one
    for task in queued:  # at the check time, or at once when it has passed
        ticket_id = task.args_kwargs["args"][0]
        when = min(
            instant
            for instant in TicketSlaTarget.objects.filter(ticket_id=ticket_id).values_list(
                "next_check_at", flat=True
            )
            if instant is not None
        )
        run_after = None if task.run_after == get_date_max() else task.run_after
        assert run_after == (when if when > NOW else None)


@pytest.mark.django_db
def test_recompute_tickets_command_path_uses_bulk(department, clock, around_the_clock) -> None:  # type: ignore[no-untyped-def]
    setup_policies(around_the_clock)
    make_tickets(department, clock, 10, seed=8)
    open_count = Ticket.objects.filter(status__in=OPEN_STATUSES).count()
    wipe_clocks()
    assert sla_recompute_tickets(open_only=True, now=NOW) == open_count
    assert not TicketSlaTarget.objects.exclude(ticket__status__in=OPEN_STATUSES).exists()
    assert sla_recompute_tickets(open_only=False, now=NOW) == Ticket.objects.count()
    assert TicketSlaTarget.objects.exclude(ticket__status__in=OPEN_STATUSES).exists()


@pytest.mark.django_db
def test_bad_input(department) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="batch_size"):
        sla_recompute_in_bulk([1], batch_size=0)
    assert sla_recompute_in_bulk([]) == 0
    assert sla_recompute_in_bulk([987654321]) == 0  # unknown ids are skipped
    assert not TicketSlaTarget.objects.exists()


# --- queries ----------------------------------------------------------------------------------


def queries_for_one_batch(tickets: list[Ticket], *, with_rows: bool) -> int:
    if not with_rows:
        wipe_clocks()
    ids = [ticket.pk for ticket in tickets]
    with CaptureQueriesContext(connection) as captured:
        sla_recompute_in_bulk(ids, now=NOW, batch_size=len(ids))
    return len(captured)


@pytest.mark.django_db
def test_queries_per_batch_do_not_grow_with_its_size(department, clock, around_the_clock) -> None:  # type: ignore[no-untyped-def]
    setup_policies(around_the_clock)
    # Up to 15 tickets of three clocks stay under SQLite's 999 parameters per insert;
    # larger batches are split into a few statements by Django, still not one per ticket.
    tickets = make_tickets(department, clock, 15, seed=21)
    wipe_clocks()
    sla_recompute_in_bulk([t.pk for t in tickets], now=NOW)
    # A small batch that writes everything a large one writes: rows, a due time, an event.
    with_event = TimelineEvent.objects.filter(kind=EVENT_BREACHED).values_list("ticket_id")
    with_due = Ticket.objects.filter(sla_due_at__isnull=False).values_list("pk")
    few = list(Ticket.objects.filter(pk__in=with_event)[:1]) + list(
        Ticket.objects.filter(pk__in=with_due)[:1]
    )
    assert len(few) == 2

    assert queries_for_one_batch(few, with_rows=False) == queries_for_one_batch(
        tickets, with_rows=False
    )
    # Over stored rows (one more statement: the delete) it is flat as well.
    assert queries_for_one_batch(few, with_rows=True) == queries_for_one_batch(
        tickets, with_rows=True
    )
    # Two batches cost the shared set-up once and the per-batch queries twice.
    wipe_clocks()
    one = queries_for_one_batch(tickets, with_rows=False)
    wipe_clocks()
    with CaptureQueriesContext(connection) as two:
        sla_recompute_in_bulk([t.pk for t in tickets], now=NOW, batch_size=8)
    assert len(two) < 2 * one
