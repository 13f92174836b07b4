"""Reads for routing: a ticket's routing outcome, escalation targets, the lead's daily view."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db.models import Count, QuerySet
from django.utils import timezone

from tierdesk.accounts.models import Role
from tierdesk.accounts.permissions import is_manager
from tierdesk.routing.dispatch import agent_rows
from tierdesk.routing.models import EscalationPath, LoadSample, TicketRouting
from tierdesk.routing.workload import Sample, Streaks, complaint_streaks, seconds_over_cap
from tierdesk.teams.models import AgentProfile, Team, TeamMembership
from tierdesk.tickets.models import OPEN_STATUSES, EventKind, Ticket, TimelineEvent

if TYPE_CHECKING:
    from tierdesk.accounts.models import User

# A missing load sample is not counted as time over cap for longer than this.
SAMPLE_GAP_SECONDS = 15 * 60


def routing_of(ticket: Ticket) -> TicketRouting | None:
    return TicketRouting.objects.filter(ticket=ticket).select_related("rule").first()


def escalation_target_for(ticket: Ticket, level_code: str) -> Team | None:
    """The team that is ``level_code`` for this ticket's team (and product), if configured.

    A path for the ticket's product wins over the team's general path.
    """
    product = TicketRouting.objects.filter(ticket=ticket).values_list("product", flat=True).first()
    paths = EscalationPath.objects.filter(
        team_id=ticket.team_id, level__code=level_code
    ).select_related("target_team", "product")
    by_product = {path.product.code if path.product else "": path for path in paths}
    path = by_product.get(product or "") or by_product.get("")
    return path.target_team if path else None


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
