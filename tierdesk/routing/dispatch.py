"""Assigning tickets to agents: push on arrival, pull by the agent, redistribution.

The choice itself is the pure ``assignment.choose_agent``; this module loads the
agents' states and applies the choice. Caps hold under concurrency because every
assignment by the router first locks the candidate agents' ``AgentProfile`` rows
(``SELECT … FOR UPDATE``, in primary-key order so that two workers never wait on
each other crosswise) and counts their open tickets only after the lock is held:
a second worker assigning to the same team waits, then sees the first worker's
ticket. Locks are always taken agents first, tickets second. The locked read is
``candidates.agent_states_for``, the router's hot path.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from functools import cached_property
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from tierdesk.accounts.models import STAFF_ROLES
from tierdesk.routing.assignment import (
    AgentState,
    Assignment,
    Needs,
    WaitingTicket,
    choose_agent,
    next_best_ticket,
)
from tierdesk.routing.candidates import (
    agent_states_for,
    arrival_states,
    routable_at,
    stamp_assigned,
    team_mode_of,
)
from tierdesk.routing.models import (
    DEFAULT_PROFICIENCY,
    LoadSample,
    Product,
    SkillProficiency,
    TeamMode,
    TicketRouting,
)
from tierdesk.teams.models import AgentProfile, Presence, TeamMembership
from tierdesk.tickets.errors import InvalidChange, NotAllowed
from tierdesk.tickets.models import OPEN_STATUSES, EventKind, Ticket, TicketType
from tierdesk.tickets.services.base import lock_ticket, publish, record_event, save_ticket

if TYPE_CHECKING:
    from tierdesk.accounts.models import User
    from tierdesk.routing.rules import RoutingDecision
    from tierdesk.teams.models import Level, Team

PULL_BATCH = 100
PULL_BATCHES = 5


# --- agents' states ---------------------------------------------------------------------


@dataclass(frozen=True)
class AgentRow:
    """The fields of an agent the router reads (plain values: no model instances)."""

    profile_id: int
    user_id: int
    level_code: str
    languages: tuple[str, ...]
    cap: int
    channel_caps: dict[str, int]
    last_assigned_at: datetime | None
    is_available: bool
    presence: str
    shift_start: time | None
    shift_end: time | None
    absent_until: date | None
    user_is_active: bool

    def routable(self, now: datetime) -> bool:
        """Available, working (not on a break, off shift or absent) and within shift hours."""
        return self.user_is_active and routable_at(
            self.is_available,
            self.presence,
            self.shift_start,
            self.shift_end,
            self.absent_until,
            today=timezone.localdate(now),
            clock=timezone.localtime(now).time(),
        )


_ROW_FIELDS = (
    "pk",
    "user_id",
    "level__code",
    "languages",
    "max_open_tickets",
    "channel_caps",
    "last_assigned_at",
    "is_available",
    "presence",
    "shift_start",
    "shift_end",
    "absent_until",
    "user__is_active",
)


def agent_rows(profiles: QuerySet[AgentProfile]) -> list[AgentRow]:
    return [
        AgentRow(
            profile_id=pk,
            user_id=user_id,
            level_code=level_code,
            languages=tuple(languages or ()),
            cap=cap,
            channel_caps={str(k): int(v) for k, v in (channel_caps or {}).items()},
            last_assigned_at=last_assigned_at,
            is_available=is_available,
            presence=presence,
            shift_start=shift_start,
            shift_end=shift_end,
            absent_until=absent_until,
            user_is_active=user_is_active,
        )
        for (
            pk,
            user_id,
            level_code,
            languages,
            cap,
            channel_caps,
            last_assigned_at,
            is_available,
            presence,
            shift_start,
            shift_end,
            absent_until,
            user_is_active,
        ) in profiles.values_list(*_ROW_FIELDS)
    ]


def is_routable(profile: AgentProfile, now: datetime) -> bool:
    """Whether the router may give ``profile``'s agent a ticket now."""
    return agent_rows(AgentProfile.objects.filter(pk=profile.pk))[0].routable(now)


def candidate_agents(team: Team, level: Level) -> QuerySet[AgentProfile]:
    return AgentProfile.objects.filter(
        user__team_memberships__team=team,
        level=level,
        user__role__in=STAFF_ROLES,
        user__is_active=True,
    ).order_by("pk")


def agent_states(
    rows: Sequence[AgentRow],
    *,
    now: datetime,
    team: Team | None = None,
    skills_needed: Iterable[str] | None = None,
) -> list[AgentState]:
    """The pure view of the candidate agents of ``team``: open tickets and skills.

    Only the skills a ticket needs are loaded (``None``: all of them), so a
    decision costs one counting query, plus two when skills are asked for.
    """
    if not rows:
        return []
    user_ids = [row.user_id for row in rows]
    open_by_channel: dict[int, dict[str, int]] = defaultdict(dict)
    for assignee_id, channel, count in (
        Ticket.objects.filter(assignee_id__in=user_ids, status__in=OPEN_STATUSES)
        .values_list("assignee_id", "channel")
        .annotate(count=Count("id"))
        .order_by()
    ):
        open_by_channel[assignee_id][channel] = count
    skills: dict[int, dict[str, int]] = defaultdict(dict)
    wanted = None if skills_needed is None else list(skills_needed)
    if wanted is None or wanted:
        profile_ids = [row.profile_id for row in rows]
        links = AgentProfile.skills.through.objects.filter(agentprofile_id__in=profile_ids)
        levels = SkillProficiency.objects.filter(agent_id__in=profile_ids)
        if wanted is not None:
            links = links.filter(skill__code__in=wanted)
            levels = levels.filter(skill__code__in=wanted)
        for profile_id, code in links.values_list("agentprofile_id", "skill__code"):
            skills[profile_id][code] = DEFAULT_PROFICIENCY
        for profile_id, code, level in levels.values_list("agent_id", "skill__code", "proficiency"):
            if code in skills[profile_id]:
                skills[profile_id][code] = level
    return [
        AgentState(
            agent_id=row.user_id,
            team_slugs=frozenset({team.slug} if team else ()),
            level_code=row.level_code,
            languages=frozenset(row.languages),
            skills=skills[row.profile_id],
            open_tickets=sum(open_by_channel[row.user_id].values()),
            cap=row.cap,
            routable=row.routable(now),
            open_by_channel=open_by_channel[row.user_id],
            channel_caps=row.channel_caps,
            last_assigned=row.last_assigned_at.timestamp() if row.last_assigned_at else None,
        )
        for row in rows
    ]


def team_mode(team: Team) -> str:
    return team_mode_of(team.pk)


def required_skills(decision: RoutingDecision) -> tuple[str, ...]:
    """The rule's required skills plus the recognised product's skill."""
    skills = list(decision.required_skills)
    if decision.product:
        code = (
            Product.objects.filter(code=decision.product)
            .values_list("skill__code", flat=True)
            .first()
        )
        if code and code not in skills:
            skills.append(code)
    return tuple(skills)


# --- push: on arrival -------------------------------------------------------------------


@dataclass(frozen=True)
class ArrivalAssignment:
    agent_id: int | None
    reasons: tuple[str, ...]

    @cached_property
    def agent(self) -> User | None:
        """The chosen agent, loaded on first use (the new ticket needs only the id)."""
        from tierdesk.accounts.models import User

        return None if self.agent_id is None else User.objects.get(pk=self.agent_id)


def choose_on_arrival(
    *,
    decision: RoutingDecision,
    team: Team,
    level: Level,
    language: str,
    channel: str,
    skills: tuple[str, ...],
) -> ArrivalAssignment:
    """Pick the agent for a ticket about to be created (inside its transaction).

    Push teams assign on arrival; key accounts go to their account manager in any
    team mode when the manager can take them. The candidates stay locked until
    the caller's transaction commits, so the new ticket is counted by the next
    worker. In pull mode only the preferred agent is looked at (and locked).
    """
    now = timezone.now()
    needs = Needs(
        team_slug=team.slug,
        level_code=level.code,
        language=language,
        channel=channel,
        required_skills=skills,
        min_proficiency=decision.min_proficiency,
        preferred_agent_id=decision.preferred_agent_id,
    )
    push, states = arrival_states(team, level, needs, now=now)
    if push is None:  # no agent to read the mode from: it only decides the reason
        push = team_mode(team) == TeamMode.PUSH
    if not push and decision.preferred_agent_id is None:
        return ArrivalAssignment(None, (f"{team.slug} works in pull mode: left in the queue",))
    result = choose_agent(needs, states)
    if not push and result.agent_id != decision.preferred_agent_id:
        return ArrivalAssignment(
            None, (result.reasons[0], f"{team.slug} works in pull mode: left in the queue")
        )
    if result.agent_id is not None:
        stamp_assigned(result.agent_id, now)
    return ArrivalAssignment(result.agent_id, result.reasons)


def _mark_assigned(result: Assignment, now: datetime) -> User | None:
    """Note the time for round-robin; the chosen agent's row is already locked."""
    from tierdesk.accounts.models import User

    if result.agent_id is None:
        return None
    stamp_assigned(result.agent_id, now)
    return User.objects.get(pk=result.agent_id)


def record_arrival(
    ticket: Ticket, decision: RoutingDecision, skills: tuple[str, ...], reasons: Sequence[str]
) -> TicketRouting:
    """Keep the decision with the ticket (for the API and for pull mode's skills)."""
    classification = decision.classification
    if ticket.assignee_id is not None:
        sample_load([ticket.assignee_id])
    return TicketRouting.objects.create(
        ticket=ticket,
        rule_id=decision.rule_id,
        rule_name=decision.rule_name,
        product=decision.product or "",
        required_skills=list(skills),
        min_proficiency=decision.min_proficiency,
        classified_type=(classification.ticket_type or "") if classification else "",
        classified_team=(classification.team_slug or "") if classification else "",
        confidence=classification.confidence if classification else None,
        needs_triage=decision.needs_triage,
        reasons=list(reasons),
        created_at=ticket.created_at,
    )


# --- assigning an existing ticket -------------------------------------------------------


def _needs_of(ticket: Ticket, *, preferred: int | None = None) -> Needs:
    routing = TicketRouting.objects.filter(ticket=ticket).first()
    return Needs(
        team_slug=ticket.team.slug,
        level_code=ticket.level.code,
        language=ticket.language,
        channel=ticket.channel,
        required_skills=tuple(routing.required_skills) if routing else (),
        min_proficiency=routing.min_proficiency if routing else 1,
        preferred_agent_id=preferred,
    )


def _assign(ticket: Ticket, agent: User | None, actor: User | None, reasons: Sequence[str]) -> None:
    """Set the assignee of a locked ticket and write it to the timeline."""
    record_event(
        ticket,
        actor,
        EventKind.ASSIGNEE,
        old=ticket.assignee.username if ticket.assignee else None,
        new=agent.username if agent else None,
        reasons=list(reasons),
    )
    ticket.assignee = agent
    save_ticket(ticket, ["assignee"])
    publish("ticket.updated", ticket, fields=["assignee"], tags=False)


def ticket_route_assign(
    ticket: Ticket,
    *,
    actor: User | None = None,
    exclude: Iterable[int] = (),
    why: str = "",
) -> User | None:
    """Give an existing ticket to the least-loaded qualified agent of its team and level.

    Unassigns it (back to the team's queue) when nobody qualifies. Returns the agent.
    """
    excluded = set(exclude)
    with transaction.atomic():
        now = timezone.now()
        current = Ticket.objects.select_related("team", "level").get(pk=ticket.pk)
        team, level = current.team, current.level
        needs = _needs_of(current)
        states = agent_states_for(team, level, needs, now=now, exclude=excluded)
        locked = lock_ticket(current, None)
        if locked.status not in OPEN_STATUSES:
            raise InvalidChange(f"Ticket #{locked.number} is {locked.status}.")
        if (needs_now := _needs_of(locked)) != needs:
            # Changed while this waited for the agents: read them again (still
            # locked). Agents are never locked after a ticket, so a ticket moved to
            # another team or level finds nobody here and goes back to the queue.
            needs = needs_now
            states = agent_states_for(team, level, needs, now=now, exclude=excluded)
        result = choose_agent(needs, states)
        agent = _mark_assigned(result, now)
        reasons = [why, *result.reasons] if why else list(result.reasons)
        if agent is None or agent.pk != locked.assignee_id:
            _assign(locked, agent, actor, reasons)
        if agent is not None:
            sample_load([agent.pk])
    ticket.refresh_from_db()
    return agent


# --- pull: the next best ticket ---------------------------------------------------------


def _waiting_tickets(profile: AgentProfile, team_ids: list[int]) -> QuerySet[Ticket]:
    return (
        Ticket.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(
            status__in=OPEN_STATUSES,
            assignee__isnull=True,
            team_id__in=team_ids,
            level_id=profile.level_id,
        )
        .exclude(type=TicketType.PROBLEM)
        .select_related("team", "level")
        .order_by(F("sla_due_at").asc(nulls_last=True), "-priority", "created_at", "id")
    )


def ticket_take_next(agent: User) -> Ticket | None:
    """Assign ``agent`` the waiting ticket they should work next (SLA due, priority, skills).

    Refused when the agent is not working or at their cap. ``None``: nothing fits.
    """
    with transaction.atomic():
        now = timezone.now()
        profile = (
            AgentProfile.objects.select_for_update(of=("self",))
            .select_related("user", "level")
            .filter(user=agent)
            .first()
        )
        if profile is None:
            raise NotAllowed("Only agents with a level take tickets.")
        row = agent_rows(AgentProfile.objects.filter(pk=profile.pk))[0]
        if not row.routable(now):
            raise InvalidChange("You are not marked as working on shift; no ticket was taken.")
        teams = dict(agent.team_memberships.values_list("team__slug", "team_id"))
        state = replace(agent_states([row], now=now)[0], team_slugs=frozenset(teams))
        if state.open_tickets >= state.cap:
            raise InvalidChange(
                f"You have {state.open_tickets} open tickets, your cap is {state.cap}: "
                "finish one first."
            )
        waiting = _waiting_tickets(profile, list(teams.values()))
        for batch in range(PULL_BATCHES):
            rows = list(waiting[batch * PULL_BATCH : (batch + 1) * PULL_BATCH])
            if not rows:
                break
            routing = {r.ticket_id: r for r in TicketRouting.objects.filter(ticket__in=rows)}
            chosen = next_best_ticket(state, [_waiting(row, routing.get(row.pk)) for row in rows])
            if chosen is not None:
                ticket = next(row for row in rows if row.pk == chosen.ticket_id)
                locked = lock_ticket(ticket, None)
                _assign(locked, agent, agent, ["took the next best ticket (pull)"])
                AgentProfile.objects.filter(pk=profile.pk).update(last_assigned_at=now)
                return locked
    return None


def _waiting(ticket: Ticket, routing: TicketRouting | None) -> WaitingTicket:
    return WaitingTicket(
        ticket_id=ticket.pk,
        priority=ticket.priority,
        created_at=ticket.created_at,
        sla_due_at=ticket.sla_due_at,
        team_slug=ticket.team.slug,
        level_code=ticket.level.code,
        language=ticket.language,
        channel=ticket.channel,
        required_skills=tuple(routing.required_skills) if routing else (),
        min_proficiency=routing.min_proficiency if routing else 1,
    )


# --- presence, absence and redistribution -----------------------------------------------


@dataclass(frozen=True)
class Redistribution:
    agent: User
    reassigned: dict[int, str]  # ticket number -> new assignee's username
    returned_to_queue: list[int]  # ticket numbers


def agent_set_presence(
    agent: User, *, actor: User, presence: str, absent_until: date | None = None
) -> Redistribution | None:
    """Mark an agent working, on a break, off shift or absent.

    Agents set their own presence; marking someone else needs a team lead of
    one of their teams or a manager. Absence redistributes their open tickets.
    """
    from tierdesk.accounts.permissions import is_desk_staff, is_manager

    if presence not in Presence.values:
        raise InvalidChange(f"Unknown presence “{presence}”.")
    if not is_desk_staff(actor):
        raise NotAllowed("Only staff can change an agent's presence.")
    if actor.pk != agent.pk and not (is_manager(actor) or leads_agent(actor, agent)):
        raise NotAllowed("Only the agent, their team lead or a manager can change this.")
    updated = AgentProfile.objects.filter(user=agent).update(
        presence=presence,
        absent_until=absent_until if presence == Presence.ABSENT else None,
    )
    if not updated:
        raise InvalidChange(f"{agent.display_name} has no agent profile.")
    if presence == Presence.ABSENT:
        return redistribute_tickets_of(agent, actor=actor)
    return None


def leads_agent(lead: User, agent: User) -> bool:
    team_ids = TeamMembership.objects.filter(user=lead, is_lead=True).values("team_id")
    return TeamMembership.objects.filter(user=agent, team_id__in=team_ids).exists()


def redistribute_tickets_of(agent: User, *, actor: User | None = None) -> Redistribution:
    """Give each open ticket of ``agent`` to a qualified colleague, or back to the queue.

    Each ticket is handled in its own transaction, so a failure on one keeps
    what was already moved. Key-account tickets fall to the account team.
    """
    reassigned: dict[int, str] = {}
    returned: list[int] = []
    why = f"redistributed: {agent.username} is absent"
    tickets = Ticket.objects.filter(assignee=agent, status__in=OPEN_STATUSES).order_by(
        F("sla_due_at").asc(nulls_last=True), "-priority", "id"
    )
    for ticket in tickets:
        new = ticket_route_assign(ticket, actor=actor, exclude=[agent.pk], why=why)
        if new is None:
            returned.append(ticket.number)
        else:
            reassigned[ticket.number] = new.username
    return Redistribution(agent=agent, reassigned=reassigned, returned_to_queue=returned)


def absent_agents_with_tickets() -> list[User]:
    """Agents marked absent (or absent until today or later) who still hold open tickets."""
    from tierdesk.accounts.models import User

    today = timezone.localdate()
    absent = AgentProfile.objects.filter(
        Q(presence=Presence.ABSENT) | Q(absent_until__gte=today)
    ).values("user_id")
    holding = Ticket.objects.filter(status__in=OPEN_STATUSES).values("assignee_id")
    return list(User.objects.filter(pk__in=absent).filter(pk__in=holding).order_by("username"))


# --- load samples -----------------------------------------------------------------------


def sample_load(user_ids: Iterable[int] | None = None) -> int:
    """Record the open tickets of the given agents (all agents by default) now."""
    profiles = AgentProfile.objects.all()
    if user_ids is not None:
        profiles = profiles.filter(user_id__in=list(user_ids))
    caps = dict(profiles.values_list("user_id", "max_open_tickets"))
    counts = dict(
        Ticket.objects.filter(assignee_id__in=list(caps), status__in=OPEN_STATUSES)
        .values_list("assignee_id")
        .annotate(count=Count("id"))
        .order_by()
    )
    now = timezone.now()
    LoadSample.objects.bulk_create(
        LoadSample(agent_id=user_id, at=now, open_tickets=counts.get(user_id, 0), cap=cap)
        for user_id, cap in caps.items()
    )
    return len(caps)
