"""Loading the demo department: people, a year of history, and today's live tickets.

``load_demo`` is what ``tierdesk demo`` runs; tests call it directly with a small
size. Everything happens in one transaction: a failed load leaves nothing behind.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

import numpy as np
from django.db import transaction
from django.db.models import Avg, Count
from django.utils import timezone

from tierdesk.accounts.models import Role, User
from tierdesk.community.demo_content import load_forum
from tierdesk.demo.history import (
    PROBLEMS_PER_YEAR,
    TICKETS_PER_YEAR,
    HistoryBuilder,
    add_duplicates,
    closed_dates,
    plan_requests,
    reserve_numbers,
    write,
)
from tierdesk.demo.live import LIVE_HOURS, create_live
from tierdesk.demo.people import DEMO_PASSWORD, create_people, planned_usernames
from tierdesk.knowledge.demo_content import load_help_center
from tierdesk.routing.services import classifier_vocabulary_load
from tierdesk.sla.bulk import sla_recompute_in_bulk
from tierdesk.tickets.models import OPEN_STATUSES, Escalation, Ticket, TicketType

MAX_MONTHS = 36
MAX_SCALE = 10.0


class SupportsWrite(Protocol):
    def write(self, text: str) -> object: ...

    def flush(self) -> object: ...


class DemoError(Exception):
    """The demo cannot be loaded as asked; the message says why."""


class DemoAlreadyLoaded(DemoError):
    pass


@dataclass(frozen=True)
class DemoLogin:
    username: str
    name: str
    role: str
    team: str
    level: str
    password: str = DEMO_PASSWORD


@dataclass(frozen=True)
class DemoSummary:
    """What was loaded, for the command's report and for tests."""

    seconds: float
    first_ticket_at: datetime | None
    tickets: int
    live_tickets: int
    open_tickets: int
    open_assigned: int
    problems: int
    problems_solved: int
    merged: int
    messages: int
    events: int
    customers: int
    agents: int
    organisations: int
    key_accounts: int
    rated: int
    mean_csat: float | None
    share_reached_l2: float
    share_reached_l3: float
    by_team: tuple[tuple[str, int], ...]
    by_level: tuple[tuple[str, int], ...]
    by_status: tuple[tuple[str, int], ...]
    by_channel: tuple[tuple[str, int], ...]
    by_type: tuple[tuple[str, int], ...]
    # (team, level, open tickets): how full each queue is
    open_queues: tuple[tuple[str, str, int], ...]
    logins: tuple[DemoLogin, ...]


def demo_loaded() -> bool:
    return User.objects.filter(username__in=planned_usernames()).exists()


def load_demo(
    *,
    months: int = 12,
    scale: float = 1.0,
    seed: int = 7,
    stdout: SupportsWrite | None = None,
    now: datetime | None = None,
) -> DemoSummary:
    """Load the demo department with ``months`` of history ending ``now``.

    ``scale`` multiplies the ticket volume (1.0: about 11,000 tickets a year).
    The same ``seed`` and ``now`` give the same history. Raises ``DemoAlreadyLoaded``
    if the demo's logins exist already, ``DemoError`` for sizes out of range.
    """
    if not 1 <= months <= MAX_MONTHS:
        raise DemoError(f"--months must be between 1 and {MAX_MONTHS}, not {months}.")
    if not 0 < scale <= MAX_SCALE:
        raise DemoError(f"--scale must be above 0 and at most {MAX_SCALE}, not {scale}.")
    started = time.monotonic()
    now = (now or timezone.now()).replace(microsecond=0)
    start = now - timedelta(days=round(months * 365.25 / 12))
    rng = np.random.default_rng(seed)

    def say(text: str) -> None:
        if stdout is not None:
            stdout.write(f"{text} ({time.monotonic() - started:.1f} s)\n")
            stdout.flush()

    with transaction.atomic():
        if demo_loaded():
            existing = User.objects.filter(username__in=planned_usernames())
            raise DemoAlreadyLoaded(
                "The demo department is loaded already (users such as "
                f"{', '.join(sorted(existing.values_list('username', flat=True))[:3])} exist). "
                "Use a fresh database to load it again."
            )
        cast = create_people(rng)
        say(f"People: {cast.agent_count} agents, {len(cast.customers)} customers")
        closed = closed_dates(start, now)
        expected = TICKETS_PER_YEAR * months / 12 * scale
        requests, day_load = plan_requests(
            cast, rng, start=start, now=now, expected_total=expected, closed=closed
        )
        cutoff = now - timedelta(hours=LIVE_HOURS)
        history_requests = add_duplicates([r for r in requests if r.at < cutoff], rng, cutoff)
        live_requests = [r for r in requests if r.at >= cutoff]
        builder = HistoryBuilder(cast, rng, now=now)
        rows = builder.build(
            history_requests,
            day_load=day_load,
            closed=closed,
            first_number=reserve_numbers(),
            problems_expected=PROBLEMS_PER_YEAR * months / 12 * math.sqrt(min(scale, 1.0)),
        )
        say(f"History: {len(rows.tickets)} tickets, {len(rows.events)} events simulated")
        write(rows)
        say("History written")
        live = create_live(cast, rng, builder, live_requests, now=now)
        say(f"Live: {live} tickets through the ticket services")
        # The history was written without the services: compute its SLA clocks in bulk.
        clocked = sla_recompute_in_bulk([ticket.id for ticket in rows.tickets], now=now)
        say(f"SLA clocks of {clocked} historic tickets computed")
        # Arriving tickets from now on are classified; the history kept its own routing.
        vocabulary = classifier_vocabulary_load()
        say(f"Classifier vocabulary: {vocabulary} keywords")
        articles = load_help_center()
        say(f"Help center: {articles} articles")
        forum = load_forum(now=now)
        say(f"Forum: {forum.threads} threads, {forum.answers} answers")
    return summarise(cast_logins(), time.monotonic() - started, live)


def cast_logins() -> tuple[DemoLogin, ...]:
    """The printed logins: the named demo users and the team leads."""
    users = (
        User.objects.filter(username__in=planned_usernames())
        .select_related("agent_profile__level")
        .prefetch_related("team_memberships__team")
        .order_by("username")
    )
    order = {name: position for position, name in enumerate(planned_usernames())}
    logins = []
    for user in sorted(users, key=lambda u: order[u.username]):
        profile = getattr(user, "agent_profile", None)
        teams = ", ".join(m.team.slug for m in user.team_memberships.all())
        logins.append(
            DemoLogin(
                username=user.username,
                name=user.get_full_name(),
                role=str(Role(user.role).label),
                team=teams or "–",
                level=profile.level.code if profile else "–",
            )
        )
    return tuple(logins)


def _counts(field: str) -> tuple[tuple[str, int], ...]:
    rows = Ticket.objects.values_list(field).annotate(n=Count("id")).order_by(field)
    return tuple((str(key), int(n)) for key, n in rows)


def summarise(logins: tuple[DemoLogin, ...], seconds: float, live: int) -> DemoSummary:
    from tierdesk.customers.models import Organisation
    from tierdesk.tickets.models import Message, TimelineEvent

    customer_tickets = Ticket.objects.exclude(type=TicketType.PROBLEM)
    total = customer_tickets.count()
    reached = Escalation.objects.exclude(ticket__type=TicketType.PROBLEM)
    reached_l2 = reached.filter(to_level__code="L2", from_level__code="L1")
    reached_l3 = reached.filter(to_level__code="L3")
    problems = Ticket.objects.filter(type=TicketType.PROBLEM)
    csat = customer_tickets.filter(csat_score__isnull=False).aggregate(
        n=Count("id"), mean=Avg("csat_score")
    )
    opened = customer_tickets.filter(status__in=OPEN_STATUSES)
    first = Ticket.objects.order_by("created_at").values_list("created_at", flat=True).first()
    return DemoSummary(
        seconds=seconds,
        first_ticket_at=first,
        tickets=Ticket.objects.count(),
        live_tickets=live,
        open_tickets=opened.count(),
        open_assigned=opened.filter(assignee__isnull=False).count(),
        problems=problems.count(),
        problems_solved=problems.exclude(status__in=OPEN_STATUSES).count(),
        merged=Ticket.objects.filter(merged_into__isnull=False).count(),
        messages=Message.objects.count(),
        events=TimelineEvent.objects.count(),
        customers=User.objects.filter(role=Role.CUSTOMER).count(),
        agents=User.objects.filter(agent_profile__isnull=False).count(),
        organisations=Organisation.objects.count(),
        key_accounts=Organisation.objects.filter(is_key_account=True).count(),
        rated=int(csat["n"]),
        mean_csat=float(csat["mean"]) if csat["mean"] is not None else None,
        share_reached_l2=reached_l2.values("ticket").distinct().count() / total if total else 0.0,
        share_reached_l3=reached_l3.values("ticket").distinct().count() / total if total else 0.0,
        by_team=_counts("team__slug"),
        by_level=_counts("level__code"),
        by_status=_counts("status"),
        by_channel=_counts("channel"),
        by_type=_counts("type"),
        open_queues=tuple(
            (str(team), str(level), int(n))
            for team, level, n in opened.values_list("team__slug", "level__code")
            .annotate(n=Count("id"))
            .order_by("team__slug", "level__code")
        ),
        logins=logins,
    )
