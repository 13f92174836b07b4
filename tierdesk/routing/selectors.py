"""Reads for routing: a ticket's routing outcome, escalation targets and the customer's
contact while Third Level works on a ticket, the lead's daily view."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tierdesk.accounts.models import Role
from tierdesk.accounts.permissions import is_manager
from tierdesk.routing.assignment import Needs, why_not_load
from tierdesk.routing.dispatch import agent_rows, agent_states
from tierdesk.routing.models import EscalationPath, LoadSample, Product, TicketRouting
from tierdesk.routing.workload import Sample, Streaks, complaint_streaks, seconds_over_cap
from tierdesk.teams.models import AgentProfile, Level, Presence, Team, TeamMembership
from tierdesk.tickets.models import OPEN_STATUSES, Escalation, EventKind, Ticket, TimelineEvent

if TYPE_CHECKING:
    from collections.abc import Iterable

    from tierdesk.accounts.models import User

# A missing load sample is not counted as time over cap for longer than this.
SAMPLE_GAP_SECONDS = 15 * 60


def routing_of(ticket: Ticket) -> TicketRouting | None:
    return TicketRouting.objects.filter(ticket=ticket).select_related("rule").first()


def escalation_target_for(ticket: Ticket, level_code: str) -> Team | None:
    """The team that is ``level_code`` for this ticket's team (and product), if configured.

    A path for the ticket's product wins over the team's general path.
    """
    level = Level.objects.filter(code=level_code).first()
    if level is None:
        return None
    suggestion = escalation_suggestions(ticket, [level])[0]
    return suggestion.team if suggestion.from_path else None


@dataclass(frozen=True)
class EscalationSuggestion:
    """The team a ticket should go to at a higher level, and why.

    ``path_of`` is the team whose escalation path says so (the ticket's team), and
    ``product`` the product the path is for; without a path the ticket stays in
    its team.
    """

    level: Level
    team: Team
    path_of: Team | None = None
    product: Product | None = None

    @property
    def from_path(self) -> bool:
        return self.path_of is not None

    @property
    def reason(self) -> str:
        if self.path_of is None:
            return _("no escalation path set: stays with %(team)s") % {
                "team": self.team.localized_name
            }
        if self.product is not None:
            return _("escalation path of %(team)s for %(product)s") % {
                "team": self.path_of.localized_name,
                "product": self.product.name,
            }
        return _("escalation path of %(team)s") % {"team": self.path_of.localized_name}


def escalation_suggestions(ticket: Ticket, levels: Iterable[Level]) -> list[EscalationSuggestion]:
    """For each of ``levels``: the team the escalation paths suggest for this ticket.

    A path for the ticket's product (recognised on arrival) wins over the team's
    general path; without either the ticket stays in its team.
    """
    wanted = list(levels)
    product = TicketRouting.objects.filter(ticket=ticket).values_list("product", flat=True).first()
    paths = EscalationPath.objects.filter(
        team_id=ticket.team_id, level__in=wanted, target_team__is_active=True
    ).select_related("target_team", "product")
    by_level_and_product = {
        (path.level_id, path.product.code if path.product else ""): path for path in paths
    }
    suggestions = []
    for level in wanted:
        path = by_level_and_product.get((level.pk, product or "")) or by_level_and_product.get(
            (level.pk, "")
        )
        if path is None:
            suggestions.append(EscalationSuggestion(level=level, team=ticket.team))
        else:
            suggestions.append(
                EscalationSuggestion(
                    level=level, team=path.target_team, path_of=ticket.team, product=path.product
                )
            )
    return suggestions


@dataclass(frozen=True)
class CustomerContact:
    """Who talks to the customer while the ticket is at a level that does not.

    Third Level writes internal notes only; the agent who escalated the ticket
    there (usually Second Level) stays the customer's contact and relays.
    """

    agent: User | None
    level: Level
    team: Team


def customer_contact(ticket: Ticket) -> CustomerContact | None:
    """The customer's contact while ``ticket`` is at a level that does not write to them."""
    if ticket.level.talks_to_customers:
        return None
    escalation = (
        Escalation.objects.filter(
            ticket=ticket,
            from_level__talks_to_customers=True,
            to_level__talks_to_customers=False,
        )
        .select_related("actor", "from_level")
        .order_by("-created_at", "-id")
        .first()
    )
    if escalation is None:
        return None
    slug = team_before_escalation(ticket, escalation.from_level)
    team = Team.objects.filter(slug=slug).first() if slug else None
    return CustomerContact(
        agent=escalation.actor, level=escalation.from_level, team=team or ticket.team
    )


def team_before_escalation(ticket: Ticket, level: Level) -> str | None:
    """The team (slug) the ticket was in when it last rose above ``level``.

    ``None`` when that escalation did not change the team (or there was none).
    The escalation events keep the team only when a path or an agent chose it.
    """
    ranks = dict(Level.objects.values_list("code", "rank"))
    events = TimelineEvent.objects.filter(ticket=ticket, kind=EventKind.ESCALATED).order_by(
        "-created_at", "-id"
    )
    for data in events.values_list("data", flat=True):
        old_rank = ranks.get(str(data.get("old")))
        if old_rank is not None and old_rank <= level.rank:
            old_team = data.get("old_team")
            return str(old_team) if old_team else None
    return None


def teams_led_by(user: User) -> QuerySet[Team]:
    if is_manager(user):
        return Team.objects.filter(is_active=True)
    if user.role != Role.TEAM_LEAD:
        return Team.objects.none()
    return Team.objects.filter(memberships__user=user, memberships__is_lead=True)


@dataclass(frozen=True)
class AgentLoad:
    agent: User
    teams: tuple[str, ...]
    level_code: str
    presence: str
    routable: bool
    open_tickets: int
    cap: int
    open_by_channel: dict[str, int]
    channel_caps: dict[str, int]
    seconds_over_cap: float
    tickets_handled: int
    complaints: Streaks

    @property
    def over_cap(self) -> bool:
        return self.open_tickets > self.cap

    @property
    def minutes_over_cap(self) -> int:
        return round(self.seconds_over_cap / 60)

    @property
    def load_percent(self) -> int:
        return round(100 * self.open_tickets / self.cap) if self.cap else 0


def daily_load(viewer: User, day: date) -> list[AgentLoad]:
    """Each agent of the viewer's teams: load now, time over cap and complaint streaks on ``day``."""
    teams = teams_led_by(viewer)
    memberships = TeamMembership.objects.filter(team__in=teams).select_related("team")
    teams_of: dict[int, list[str]] = defaultdict(list)
    for membership in memberships:
        teams_of[membership.user_id].append(membership.team.localized_name)
    profiles = list(
        AgentProfile.objects.filter(user_id__in=list(teams_of))
        .select_related("user", "level")
        .order_by("level__rank", "user__last_name", "user__username")
    )
    user_ids = [profile.user_id for profile in profiles]
    start = timezone.make_aware(datetime.combine(day, time.min))
    end = start + timedelta(days=1)
    now = min(timezone.now(), end)
    right_now = timezone.now()
    routable = {
        row.user_id: row.routable(right_now)
        for row in agent_rows(AgentProfile.objects.filter(user_id__in=user_ids))
    }
    channels = _open_by_channel(user_ids)
    samples = _samples(user_ids, start, end)
    handled = _handled_types(user_ids, start, end)
    return [
        AgentLoad(
            agent=profile.user,
            teams=tuple(sorted(teams_of[profile.user_id])),
            level_code=profile.level.code,
            presence=profile.get_presence_display(),
            routable=routable[profile.user_id],
            open_tickets=sum(channels[profile.user_id].values()),
            cap=profile.max_open_tickets,
            open_by_channel=dict(sorted(channels[profile.user_id].items())),
            channel_caps=dict(profile.channel_caps or {}),
            seconds_over_cap=seconds_over_cap(
                samples[profile.user_id], now=now, max_gap_seconds=SAMPLE_GAP_SECONDS
            ),
            tickets_handled=len(handled[profile.user_id]),
            complaints=complaint_streaks(handled[profile.user_id]),
        )
        for profile in profiles
    ]


def _open_by_channel(user_ids: list[int]) -> dict[int, dict[str, int]]:
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        Ticket.objects.filter(assignee_id__in=user_ids, status__in=OPEN_STATUSES)
        .values_list("assignee_id", "channel")
        .annotate(count=Count("id"))
        .order_by()
    )
    for assignee_id, channel, count in rows:
        counts[assignee_id][channel] = count
    return counts


def _samples(user_ids: list[int], start: datetime, end: datetime) -> dict[int, list[Sample]]:
    samples: dict[int, list[Sample]] = defaultdict(list)
    rows = LoadSample.objects.filter(agent_id__in=user_ids, at__gte=start, at__lt=end)
    for agent_id, at, open_tickets, cap in rows.values_list(
        "agent_id", "at", "open_tickets", "cap"
    ):
        samples[agent_id].append(Sample(at=at, open_tickets=open_tickets, cap=cap))
    return samples


def _handled_types(user_ids: list[int], start: datetime, end: datetime) -> dict[int, list[str]]:
    """The types of the tickets each agent answered on the day, in order (one per ticket run)."""
    handled: dict[int, list[str]] = defaultdict(list)
    last_ticket: dict[int, int] = {}
    replies = (
        TimelineEvent.objects.filter(
            kind=EventKind.REPLY, actor_id__in=user_ids, created_at__gte=start, created_at__lt=end
        )
        .order_by("created_at", "id")
        .values_list("actor_id", "ticket_id", "ticket__type")
    )
    for actor_id, ticket_id, ticket_type in replies:
        if last_ticket.get(actor_id) == ticket_id:
            continue
        last_ticket[actor_id] = ticket_id
        handled[actor_id].append(ticket_type)
    return handled


def why_not_hand_to(agent: User, ticket: Ticket, *, now: datetime | None = None) -> str | None:
    """Why a colleague should not be given ``ticket`` by hand now, or ``None``.

    The router never gives work to an agent who is absent, on a break, off shift
    or at their cap (per agent, and per channel); a colleague assigning by hand
    is held to the same protection, decided by the router's own checks. Team
    leads and managers may override it.
    """
    # Read afresh: presence and absence change while a page is open.
    rows = agent_rows(AgentProfile.objects.filter(user=agent))
    if not rows:
        return None
    row, moment = rows[0], now or timezone.now()
    names = {"name": agent.display_name}
    if not row.routable(moment):
        presence = (
            Presence(row.presence).label
            if row.presence != Presence.WORKING
            else _("absent, unavailable or off shift")
        )
        return _("%(name)s is not taking tickets now (%(presence)s).") % {
            **names,
            "presence": presence,
        }
    state = agent_states([row], now=moment, skills_needed=())[0]
    needs = Needs(team_slug="", level_code=row.level_code, channel=ticket.channel)
    if why_not_load(state, needs) is None:
        return None
    if state.open_tickets >= state.cap:
        return _("%(name)s already has %(count)s open tickets, the cap.") % {
            **names,
            "count": state.cap,
        }
    return _("%(name)s already has %(count)s open %(channel)s tickets, the cap.") % {
        **names,
        "count": state.channel_caps[ticket.channel],
        "channel": ticket.get_channel_display(),
    }
