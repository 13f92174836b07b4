"""SLA clocks of tickets: recomputing them, and recording warnings and breaches.

``sla_recompute`` is called by the ticket services after every saved change
(inside their transaction, the ticket row locked). It replays the ticket's
history (``tierdesk.sla.clocks``), stores the clocks as ``TicketSlaTarget`` rows
and the soonest due time on ``Ticket.sla_due_at``, and queues a background task
for the next warning or breach.

``sla_process_due`` records what has fallen due — a timeline event, notices to
the assignee and team leads, the policy's escalation action — exactly once:
``warned_at`` and ``breached_at`` are checked and set under a row lock. The
background task calls it at the due time, and the periodic sweep calls it for
anything missed while no worker ran.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from tierdesk.sla.business_time import BusinessCalendar
from tierdesk.sla.calendars import business_calendar, calendar_for_team
from tierdesk.sla.clocks import BREACHED, RUNNING, Clock, TargetRules, TicketHistory
from tierdesk.sla.clocks import compute_clocks as replay_clocks
from tierdesk.sla.models import Calendar, SlaPolicy, TargetName, TargetState, TicketSlaTarget
from tierdesk.sla.policies import PolicyRule, TicketFacts, first_matching

if TYPE_CHECKING:
    from tierdesk.accounts.models import User
    from tierdesk.tickets.models import Ticket, TimelineEvent

logger = logging.getLogger(__name__)

SYSTEM_USERNAME = "tierdesk-sla"
# Event kinds written to the ticket timeline (to be added to tickets.models.EventKind).
EVENT_WARNING = "sla_warning"
EVENT_BREACHED = "sla_breached"
# How often the periodic sweep runs while a worker is up.
SWEEP_INTERVAL = timedelta(minutes=5)


# --- policies -----------------------------------------------------------------------------

_policy_cache: dict[str, tuple[tuple[object, ...], list[PolicyRule]]] = {}
_policy_lock = threading.Lock()


def policy_rules() -> list[PolicyRule]:
    """The active policies in order, cached until one of them changes."""
    stamp = tuple(
        SlaPolicy.objects.aggregate(changed=Max("updated_at"), count=Count("id")).values()
    )
    with _policy_lock:
        cached = _policy_cache.get("rules")
    if cached is not None and cached[0] == stamp:
        return cached[1]
    rules = [
        _rule_of(policy)
        for policy in SlaPolicy.objects.filter(is_active=True).prefetch_related(
            "teams", "levels", "organisations"
        )
    ]
    with _policy_lock:
        _policy_cache["rules"] = (stamp, rules)
    return rules


def _rule_of(policy: SlaPolicy) -> PolicyRule:
    return PolicyRule(
        policy_id=policy.pk,
        name=policy.name,
        priorities=frozenset(int(value) for value in policy.priorities or ()),
        team_ids=frozenset(team.pk for team in policy.teams.all()),
        level_ids=frozenset(level.pk for level in policy.levels.all()),
        channels=frozenset(policy.channels or ()),
        ticket_types=frozenset(policy.ticket_types or ()),
        key_accounts_only=policy.key_accounts_only,
        organisation_ids=frozenset(org.pk for org in policy.organisations.all()),
        languages=frozenset(policy.languages or ()),
        first_response_minutes=policy.first_response_minutes,
        next_response_minutes=policy.next_response_minutes,
        resolution_minutes=policy.resolution_minutes,
        calendar_id=policy.calendar_id,
        pause_statuses=frozenset(policy.pause_statuses or ()),
        warning_share=policy.warning_share,
        raise_priority=policy.breach_raise_priority,
        assign_lead=policy.breach_assign_lead,
        escalate=policy.breach_escalate,
    )


def ticket_facts(ticket: Ticket) -> TicketFacts:
    organisation = ticket.organisation
    return TicketFacts(
        priority=ticket.priority,
        team_id=ticket.team_id,
        level_id=ticket.level_id,
        channel=ticket.channel,
        ticket_type=ticket.type,
        organisation_id=ticket.organisation_id,
        is_key_account=bool(organisation is not None and organisation.is_key_account),
        language=ticket.language or "",
    )


def policy_for(ticket: Ticket) -> PolicyRule | None:
    return first_matching(policy_rules(), ticket_facts(ticket))


# --- recomputing --------------------------------------------------------------------------


def ticket_history(ticket: Ticket) -> TicketHistory:
    """The facts the clocks replay: status changes and public messages, in order."""
    from tierdesk.tickets.models import EventKind, Message, TimelineEvent

    return history_of(
        ticket,
        status_changes=TimelineEvent.objects.filter(ticket=ticket, kind=EventKind.STATUS)
        .order_by("created_at", "id")
        .values_list("created_at", "data"),
        public_messages=Message.objects.filter(ticket=ticket, is_public=True)
        .order_by("created_at", "id")
        .values_list("created_at", "from_customer"),
    )


def history_of(
    ticket: Ticket,
    *,
    status_changes: Iterable[tuple[datetime, dict[str, object]]],
    public_messages: Iterable[tuple[datetime, bool]],
) -> TicketHistory:
    """The history of ``ticket`` from its status events (``(at, data)``) and public messages
    (``(at, from_customer)``), each in order of time. Reads nothing from the database."""
    created = ticket.created_at
    changes = list(status_changes)
    initial = str(changes[0][1].get("old", ticket.status)) if changes else ticket.status
    statuses = [(created, initial)]
    for at, data in changes:
        statuses.append((max(at, created), str(data.get("new", ""))))
    if statuses[-1][1] != ticket.status:
        # A status set without an event (e.g. imported data): trust the ticket.
        statuses.append((max(ticket.updated_at, statuses[-1][0]), ticket.status))
    messages = tuple(
        (max(at, created), bool(from_customer)) for at, from_customer in public_messages
    )
    return TicketHistory(
        created_at=created,
        statuses=tuple(statuses),
        public_messages=messages,
        first_response_at=ticket.first_response_at,
    )


def _calendar_of(rule: PolicyRule, ticket: Ticket) -> Calendar | None:
    if rule.calendar_id is not None:
        return Calendar.objects.filter(pk=rule.calendar_id).first()
    return calendar_for_team(ticket.team_id)


@dataclass
class TargetRows:
    """The clocks of one ticket as rows to store, and the stored rows no longer wanted."""

    kept: list[TicketSlaTarget]
    stale: list[TicketSlaTarget]

    @property
    def due(self) -> datetime | None:
        """The ticket's ``sla_due_at``."""
        return _soonest_due(self.kept)


def target_rows(
    ticket: Ticket,
    *,
    rule: PolicyRule | None,
    calendar: BusinessCalendar | None,
    history: TicketHistory | Callable[[], TicketHistory],
    existing: Mapping[str, TicketSlaTarget],
    now: datetime,
) -> TargetRows:
    """Turn a ticket's facts into its target rows (unsaved; ``existing`` ones updated).

    The one place that decides what is stored: ``sla_recompute`` (one ticket) and
    ``tierdesk.sla.bulk`` (many) both call it and only differ in how they read the
    facts and write the rows. ``history`` may be a function, called only if a
    clock runs. Reads nothing from the database.
    """
    clocks: list[Clock] = []
    if rule is not None and calendar is not None:
        targets = TargetRules(
            first_response=rule.first_response_minutes,
            next_response=rule.next_response_minutes,
            resolution=rule.resolution_minutes,
            pause_statuses=rule.pause_statuses,
            warning_share=rule.warning_share,
        )
        facts = history() if callable(history) else history
        clocks = replay_clocks(calendar, facts, targets, now)
    remaining = dict(existing)
    kept: list[TicketSlaTarget] = []
    for clock in clocks:
        row = remaining.pop(clock.name, None) or TicketSlaTarget(ticket=ticket, name=clock.name)
        _apply(row, clock, rule, now)
        kept.append(row)
    return TargetRows(kept=kept, stale=list(remaining.values()))


def sla_recompute(ticket: Ticket, *, now: datetime | None = None, schedule: bool = True) -> None:
    """Bring the ticket's SLA targets and ``sla_due_at`` up to date with its history.

    Called inside the ticket services' transaction with the ticket row locked
    (``ticket`` is the saved object). Never changes the ticket itself other than
    ``sla_due_at``, so it is safe to call at any point after a save.
    """
    from tierdesk.tickets.models import Ticket

    now = now or timezone.now()
    existing = {row.name: row for row in TicketSlaTarget.objects.filter(ticket=ticket)}
    rule = policy_for(ticket)
    calendar = _calendar_of(rule, ticket) if rule is not None else None
    rows = target_rows(
        ticket,
        rule=rule,
        calendar=business_calendar(calendar) if calendar is not None else None,
        history=partial(ticket_history, ticket),
        existing=existing,
        now=now,
    )
    for row in rows.kept:
        row.save()
    if rows.stale:
        TicketSlaTarget.objects.filter(pk__in=[row.pk for row in rows.stale]).delete()
    due = rows.due
    if due != ticket.sla_due_at:
        Ticket.objects.filter(pk=ticket.pk).update(sla_due_at=due)
        ticket.sla_due_at = due
    if schedule:
        _schedule_next_check(ticket.pk, rows.kept, now)


def _apply(row: TicketSlaTarget, clock: Clock, rule: PolicyRule | None, now: datetime) -> None:
    if row.pk is not None and row.started_at != clock.started_at:
        # A new next-response cycle: its warning and breach are new ones.
        row.warned_at = row.breached_at = row.scheduled_for = None
    row.policy_id = rule.policy_id if rule is not None else None
    row.target_minutes = clock.target_minutes
    row.started_at = clock.started_at
    row.due_at = clock.due_at
    row.warn_at = clock.warn_at
    row.business_minutes_used = round(clock.business_minutes_used, 3)
    row.paused_since = clock.paused_since
    row.paused_intervals = [
        [start.isoformat(), end.isoformat() if end is not None else None]
        for start, end in clock.paused_intervals[-50:]
    ]
    row.met_at = clock.met_at
    # A recorded breach stays a breach, whatever later changes do to the due time.
    row.state = TargetState.BREACHED if row.breached_at is not None else clock.state
    row.next_check_at = next_check(row)
    row.computed_at = now


def next_check(row: TicketSlaTarget) -> datetime | None:
    """When a warning or breach of this target is next to be recorded, if ever."""
    candidates = []
    stopped = row.met_at is not None
    if (
        row.breached_at is None
        and row.due_at is not None
        and (not stopped or (row.met_at is not None and row.met_at > row.due_at))
    ):
        candidates.append(row.due_at)
    if (
        row.warned_at is None
        and row.warn_at is not None
        and row.breached_at is None
        and row.state == RUNNING
    ):
        candidates.append(row.warn_at)
    return min(candidates) if candidates else None


def _soonest_due(rows: list[TicketSlaTarget]) -> datetime | None:
    """The due time queues sort by: running targets, overdue ones included."""
    dues = [
        row.due_at
        for row in rows
        if row.due_at is not None and row.met_at is None and row.paused_since is None
    ]
    return min(dues) if dues else None


def _schedule_next_check(ticket_id: int, rows: list[TicketSlaTarget], now: datetime) -> None:
    when = plan_next_check(rows)
    if when is None:
        return
    TicketSlaTarget.objects.filter(pk__in=[row.pk for row in rows]).update(scheduled_for=when)
    enqueue_check_on_commit(ticket_id, when, now)


def plan_next_check(rows: list[TicketSlaTarget]) -> datetime | None:
    """The check to queue for a ticket's rows, unless none is due or it is queued already.

    Marks the rows (``scheduled_for``, unsaved) with the time it is queued for.
    """
    checks = [row.next_check_at for row in rows if row.next_check_at is not None]
    if not checks:
        return None
    when = min(checks)
    if any(row.scheduled_for == when for row in rows):
        return None
    for row in rows:
        row.scheduled_for = when
    return when


def enqueue_check_on_commit(ticket_id: int, when: datetime, now: datetime) -> None:
    """Queue the ticket's check for ``when`` (at once if that has passed) after the commit."""
    run_after = when if when > now else None
    transaction.on_commit(partial(_enqueue_check, ticket_id, run_after))


def _enqueue_check(ticket_id: int, run_after: datetime | None) -> None:
    from tierdesk.sla.tasks import sla_check_ticket

    try:
        task = sla_check_ticket.using(run_after=run_after) if run_after else sla_check_ticket
        task.enqueue(ticket_id)
    except Exception:
        # The periodic sweep records it anyway; a lost task delays, never loses, a breach.
        logger.exception("Could not queue the SLA check of ticket %s", ticket_id)


# --- recording warnings and breaches ------------------------------------------------------


@dataclass(frozen=True)
class Recorded:
    """One warning or breach written to a ticket's timeline."""

    ticket_id: int
    target: str
    kind: str


def sla_process_due(ticket_id: int, *, now: datetime | None = None) -> list[Recorded]:
    """Record the warnings and breaches of the ticket that are due by ``now``, once each."""
    from tierdesk.tickets.models import Ticket

    now = now or timezone.now()
    recorded: list[Recorded] = []
    with transaction.atomic():
        ticket = (
            Ticket.objects.select_for_update(of=("self",))
            .select_related("team", "level", "assignee", "organisation", "requester")
            .filter(pk=ticket_id)
            .first()
        )
        if ticket is None:
            return []
        sla_recompute(ticket, now=now, schedule=False)
        rows = list(
            TicketSlaTarget.objects.select_for_update(of=("self",))
            .select_related("policy")
            .filter(ticket=ticket, next_check_at__lte=now)
            .order_by("due_at")
        )
        breached_unmet = []
        for row, kind in due_to_record(rows, now):
            if kind == EVENT_BREACHED:
                _record_breach(ticket, row, now)
                if row.met_at is None:
                    breached_unmet.append(row)
            else:
                _record_warning(ticket, row, now)
            recorded.append(Recorded(ticket.pk, row.name, kind))
        if breached_unmet and ticket.is_open:
            _run_breach_actions(ticket, breached_unmet[0])
        sla_recompute(ticket, now=now)
    return recorded


def due_to_record(
    rows: Iterable[TicketSlaTarget], now: datetime
) -> list[tuple[TicketSlaTarget, str]]:
    """The breaches and warnings of a ticket's rows to record by ``now``, soonest due first.

    Each row gives at most one: a breach if its due time passed unmet (or met
    late), else a warning if its warning time passed while it runs.
    """
    checked = sorted(
        (row for row in rows if row.next_check_at is not None and row.next_check_at <= now),
        key=lambda row: (row.due_at is None, row.due_at or now),
    )
    due: list[tuple[TicketSlaTarget, str]] = []
    for row in checked:
        if _breach_due(row, now):
            due.append((row, EVENT_BREACHED))
        elif _warning_due(row, now):
            due.append((row, EVENT_WARNING))
    return due


def _breach_due(row: TicketSlaTarget, now: datetime) -> bool:
    if row.breached_at is not None or row.due_at is None or row.due_at > now:
        return False
    return row.met_at is None or row.met_at > row.due_at


def _warning_due(row: TicketSlaTarget, now: datetime) -> bool:
    return (
        row.warned_at is None
        and row.breached_at is None
        and row.met_at is None
        and row.paused_since is None
        and row.warn_at is not None
        and row.warn_at <= now
    )


def _target_label(name: str) -> str:
    return str(TargetName(name).label)


def breach_event(
    ticket_id: int, row: TicketSlaTarget, now: datetime, *, policy_name: str | None
) -> TimelineEvent:
    """Mark the row breached (unsaved) and return its timeline event (unsaved)."""
    from tierdesk.tickets.models import TimelineEvent

    assert row.due_at is not None
    row.breached_at = row.due_at
    row.state = TargetState.BREACHED
    # The timeline shows the breach when it happened (the due time), also when a
    # worker that was down or a recompute of history records it later.
    return TimelineEvent(
        ticket_id=ticket_id,
        actor=None,
        kind=EVENT_BREACHED,
        created_at=min(row.due_at, now),
        data={
            "target": row.name,
            "due_at": row.due_at.isoformat(),
            "policy": policy_name,
            "met_late_at": row.met_at.isoformat() if row.met_at else None,
        },
    )


def warning_event(
    ticket_id: int, row: TicketSlaTarget, now: datetime, *, policy_name: str | None
) -> TimelineEvent:
    """Mark the row warned (unsaved) and return its timeline event (unsaved)."""
    from tierdesk.tickets.models import TimelineEvent

    assert row.due_at is not None
    row.warned_at = now
    return TimelineEvent(
        ticket_id=ticket_id,
        actor=None,
        kind=EVENT_WARNING,
        created_at=now,
        data={"target": row.name, "due_at": row.due_at.isoformat(), "policy": policy_name},
    )


def _policy_name(row: TicketSlaTarget) -> str | None:
    return row.policy.name if row.policy else None


def _record_breach(ticket: Ticket, row: TicketSlaTarget, now: datetime) -> None:
    from tierdesk.notifications.services import notify, notify_team_leads

    event = breach_event(ticket.pk, row, now, policy_name=_policy_name(row))
    row.save(update_fields=["breached_at", "state"])
    event.save()
    if row.met_at is not None or not ticket.is_open:
        return  # history: recorded for the figures, nobody needs to act any more
    assert row.due_at is not None
    text = _("#%(number)s: the %(target)s target was breached (due %(due)s).") % {
        "number": ticket.number,
        "target": _target_label(row.name),
        "due": timezone.localtime(row.due_at).strftime("%Y-%m-%d %H:%M"),
    }
    if ticket.assignee is not None:
        notify(ticket.assignee, ticket, kind=EVENT_BREACHED, text=text)
    notify_team_leads(ticket.team, ticket, kind=EVENT_BREACHED, text=text)


def _record_warning(ticket: Ticket, row: TicketSlaTarget, now: datetime) -> None:
    from tierdesk.notifications.services import notify, notify_team_leads

    event = warning_event(ticket.pk, row, now, policy_name=_policy_name(row))
    row.save(update_fields=["warned_at"])
    event.save()
    assert row.due_at is not None
    text = _("#%(number)s: the %(target)s target is due at %(due)s.") % {
        "number": ticket.number,
        "target": _target_label(row.name),
        "due": timezone.localtime(row.due_at).strftime("%Y-%m-%d %H:%M"),
    }
    if ticket.assignee is not None:
        notify(ticket.assignee, ticket, kind=EVENT_WARNING, text=text)
    notify_team_leads(ticket.team, ticket, kind=EVENT_WARNING, text=text)


def sla_system_user() -> User:
    """The desk-staff account that SLA escalation actions are made by (cannot log in)."""
    from tierdesk.accounts.models import Role, User

    user, created = User.objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={
            "role": Role.ADMIN,
            "first_name": "tierdesk",
            "last_name": "SLA",
            "email": "sla@tierdesk.localhost",
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _run_breach_actions(ticket: Ticket, row: TicketSlaTarget) -> list[str]:
    """The policy's escalation actions, each through the ticket services; failures logged."""
    from tierdesk.tickets.errors import TicketError

    policy = row.policy
    if policy is None:
        return []
    steps = []
    if policy.breach_raise_priority:
        steps.append(("raise_priority", _raise_priority))
    if policy.breach_escalate:
        steps.append(("escalate", _escalate))
    if policy.breach_assign_lead:
        steps.append(("assign_lead", _assign_lead))
    done = []
    actor = sla_system_user() if steps else None
    for name, step in steps:
        assert actor is not None
        try:
            with transaction.atomic():
                if step(ticket, actor, row):
                    done.append(name)
        except TicketError as error:
            logger.warning("SLA action %s on #%s failed: %s", name, ticket.number, error)
    return done


def _raise_priority(ticket: Ticket, actor: User, row: TicketSlaTarget) -> bool:
    from tierdesk.tickets.models import Priority
    from tierdesk.tickets.services import ticket_update

    if ticket.priority >= Priority.URGENT:
        return False
    ticket_update(ticket, actor=actor, expected_version=None, priority=ticket.priority + 1)
    return True


def _escalate(ticket: Ticket, actor: User, row: TicketSlaTarget) -> bool:
    from tierdesk.teams.models import Level
    from tierdesk.tickets.services import ticket_escalate

    higher = (
        Level.objects.filter(rank__gt=ticket.level.rank, holds_queue=True).order_by("rank").first()
    )
    if higher is None:
        return False
    ticket_escalate(
        ticket,
        actor=actor,
        to_level=higher,
        reason=_("SLA target “%(target)s” breached.") % {"target": _target_label(row.name)},
    )
    return True


def _assign_lead(ticket: Ticket, actor: User, row: TicketSlaTarget) -> bool:
    from django.db.models import Q

    from tierdesk.accounts.models import User
    from tierdesk.tickets.services import ticket_update

    lead = (
        User.objects.filter(
            team_memberships__team_id=ticket.team_id,
            team_memberships__is_lead=True,
            is_active=True,
        )
        .filter(Q(agent_profile__isnull=True) | Q(agent_profile__level_id=ticket.level_id))
        .order_by("pk")
        .first()
    )
    if lead is None or lead.pk == ticket.assignee_id:
        return False
    ticket_update(ticket, actor=actor, expected_version=None, assignee=lead)
    return True


# --- sweeping and recomputing many --------------------------------------------------------


@dataclass(frozen=True)
class SweepResult:
    tickets_checked: int
    warnings: int
    breaches: int


def sla_sweep(*, now: datetime | None = None) -> SweepResult:
    """Record every warning and breach that has fallen due (missed or not yet run)."""
    now = now or timezone.now()
    ticket_ids = list(
        TicketSlaTarget.objects.filter(next_check_at__lte=now)
        .order_by("ticket_id")
        .values_list("ticket_id", flat=True)
        .distinct()
    )
    recorded: list[Recorded] = []
    for ticket_id in ticket_ids:
        recorded += sla_process_due(ticket_id, now=now)
    return SweepResult(
        tickets_checked=len(ticket_ids),
        warnings=sum(1 for item in recorded if item.kind == EVENT_WARNING),
        breaches=sum(1 for item in recorded if item.kind == EVENT_BREACHED),
    )


def sla_schedule_sweep(*, delay: timedelta = SWEEP_INTERVAL) -> bool:
    """Queue the periodic sweep unless one is already waiting. True if queued now."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    from tierdesk.sla.tasks import sla_sweep_periodically

    backend = sla_sweep_periodically.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return False  # only a persistent queue can hold a task for later
    waiting = DBTaskResult.objects.filter(
        task_path=sla_sweep_periodically.module_path, status="READY"
    )
    if waiting.exists():
        return False
    sla_sweep_periodically.using(run_after=timezone.now() + delay).enqueue()
    return True


def sla_recompute_tickets(*, open_only: bool = True, now: datetime | None = None) -> int:
    """Recompute the clocks of many tickets (after a policy or calendar change). Returns count.

    Works in batches (``tierdesk.sla.bulk``): the same rows as ``sla_recompute``
    on each ticket, with a fixed number of queries per batch.
    """
    from tierdesk.sla.bulk import sla_recompute_in_bulk
    from tierdesk.tickets.models import OPEN_STATUSES, Ticket

    tickets = Ticket.objects.all()
    if open_only:
        tickets = tickets.filter(status__in=OPEN_STATUSES)
    return sla_recompute_in_bulk(tickets, now=now)


def sla_configuration_changed() -> None:
    """A policy or calendar changed: recompute open tickets in the background."""
    from tierdesk.sla.tasks import sla_recompute_open_tickets

    transaction.on_commit(partial(_enqueue_recompute, sla_recompute_open_tickets))


def _enqueue_recompute(task: object) -> None:
    try:
        task.enqueue()  # type: ignore[attr-defined]
    except Exception:
        logger.exception("Could not queue the SLA recomputation")


def calendar_touch(calendar: Calendar) -> None:
    """Mark a calendar changed (its intervals or exceptions) and recompute open tickets."""
    Calendar.objects.filter(pk=calendar.pk).update(updated_at=timezone.now())
    sla_configuration_changed()


def policy_touch(policy: SlaPolicy) -> None:
    """Mark a policy changed (e.g. its teams) and recompute open tickets."""
    SlaPolicy.objects.filter(pk=policy.pk).update(updated_at=timezone.now())
    sla_configuration_changed()


__all__ = [
    "BREACHED",
    "EVENT_BREACHED",
    "EVENT_WARNING",
    "Recorded",
    "SweepResult",
    "calendar_touch",
    "policy_for",
    "policy_touch",
    "sla_configuration_changed",
    "sla_process_due",
    "sla_recompute",
    "sla_recompute_tickets",
    "sla_schedule_sweep",
    "sla_sweep",
    "sla_system_user",
]
