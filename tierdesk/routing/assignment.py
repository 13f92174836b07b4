"""Who gets a ticket: pure functions over agents' states, without a database.

An agent qualifies for a ticket when they are routable (available, working, on
shift), belong to the ticket's team and level, speak its language, have every
required skill at the required proficiency, and are below both their cap on open
tickets and the cap of the ticket's channel. Among those qualified, the one with
the fewest open tickets gets it; ties go round-robin (whoever was assigned least
recently, never-assigned first, then the lowest id).

For pull mode the same qualification ranks the waiting tickets for one agent:
soonest SLA due time first, then priority, then age.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

NEVER = float("-inf")


# Not frozen, unlike the other records here: the router builds one per candidate
# agent on every decision, and a frozen dataclass costs four times as much to build
# (bench/routing.md). Treat it as read-only all the same.
@dataclass(slots=True)
class AgentState:
    agent_id: int
    team_slugs: frozenset[str]
    level_code: str
    languages: frozenset[str]
    skills: Mapping[str, int]
    open_tickets: int
    cap: int
    routable: bool = True
    open_by_channel: Mapping[str, int] = field(default_factory=dict)
    channel_caps: Mapping[str, int] = field(default_factory=dict)
    # Seconds since the epoch of the router's last assignment to this agent.
    last_assigned: float | None = None


@dataclass(frozen=True)
class Needs:
    """What a ticket asks of its agent."""

    team_slug: str
    level_code: str
    language: str = ""
    channel: str = ""
    required_skills: tuple[str, ...] = ()
    min_proficiency: int = 1
    preferred_agent_id: int | None = None


@dataclass(frozen=True)
class Assignment:
    agent_id: int | None
    reasons: tuple[str, ...]
    qualified: int = 0


def why_not(agent: AgentState, needs: Needs) -> str | None:
    """Why ``agent`` may not take the ticket, or ``None`` if they may.

    Checked in three steps — the person, their skills, their load — so a caller
    may load skills only for agents who pass the first step and open tickets only
    for those who pass the second: the reason given stays the same.
    """
    return (
        why_not_person(agent, needs) or why_not_skills(agent, needs) or why_not_load(agent, needs)
    )


def why_not_person(agent: AgentState, needs: Needs) -> str | None:
    """Availability, team, level and language: nothing that needs skills or load."""
    if not agent.routable:
        return "not available"
    if needs.team_slug not in agent.team_slugs:
        return "other team"
    if agent.level_code != needs.level_code:
        return "other level"
    if needs.language and needs.language not in agent.languages:
        return f"does not speak {needs.language}"
    return None


def why_not_skills(agent: AgentState, needs: Needs) -> str | None:
    for skill in needs.required_skills:
        if agent.skills.get(skill, 0) < needs.min_proficiency:
            return f"lacks {skill}"
    return None


def why_not_load(agent: AgentState, needs: Needs) -> str | None:
    """The cap on open tickets, and the cap of the ticket's channel."""
    if agent.open_tickets >= agent.cap:
        return "at cap"
    channel_cap = agent.channel_caps.get(needs.channel) if needs.channel else None
    if channel_cap is not None and agent.open_by_channel.get(needs.channel, 0) >= channel_cap:
        return f"at {needs.channel} cap"
    return None


def _round_robin_key(agent: AgentState) -> tuple[int, float, int]:
    last = NEVER if agent.last_assigned is None else agent.last_assigned
    return (agent.open_tickets, last, agent.agent_id)


def choose_agent(needs: Needs, agents: Iterable[AgentState]) -> Assignment:
    """The preferred agent if they qualify, else the least-loaded qualified agent."""
    qualified: list[AgentState] = []
    rejected: dict[str, int] = {}
    preferred: AgentState | None = None
    preferred_reason: str | None = None
    for agent in agents:
        reason = why_not(agent, needs)
        if agent.agent_id == needs.preferred_agent_id:
            preferred, preferred_reason = agent, reason
        if reason is None:
            qualified.append(agent)
        else:
            rejected[reason] = rejected.get(reason, 0) + 1
    reasons: list[str] = []
    if needs.preferred_agent_id is not None:
        if preferred is not None and preferred_reason is None:
            return Assignment(
                preferred.agent_id,
                ("preferred agent (account manager) is available",),
                len(qualified),
            )
        reasons.append(f"preferred agent not assignable ({preferred_reason or 'not found'})")
    if not qualified:
        summary = ", ".join(f"{count} {why}" for why, count in sorted(rejected.items()))
        reasons.append(f"no qualified agent ({summary or 'nobody in team and level'})")
        return Assignment(None, tuple(reasons), 0)
    best = min(qualified, key=_round_robin_key)
    ties = sum(1 for agent in qualified if agent.open_tickets == best.open_tickets)
    reasons.append(
        f"least loaded of {len(qualified)} qualified agents ({best.open_tickets} open"
        + (f", round-robin among {ties}" if ties > 1 else "")
        + ")"
    )
    return Assignment(best.agent_id, tuple(reasons), len(qualified))


@dataclass(frozen=True)
class WaitingTicket:
    ticket_id: int
    priority: int
    created_at: datetime
    sla_due_at: datetime | None = None
    team_slug: str = ""
    level_code: str = ""
    language: str = ""
    channel: str = ""
    required_skills: tuple[str, ...] = ()
    min_proficiency: int = 1

    def needs(self) -> Needs:
        return Needs(
            team_slug=self.team_slug,
            level_code=self.level_code,
            language=self.language,
            channel=self.channel,
            required_skills=self.required_skills,
            min_proficiency=self.min_proficiency,
        )


def pull_order(ticket: WaitingTicket) -> tuple[int, float, int, float, int]:
    """Soonest SLA due first (none last), then higher priority, then older."""
    due = ticket.sla_due_at.timestamp() if ticket.sla_due_at else 0.0
    return (
        0 if ticket.sla_due_at else 1,
        due,
        -ticket.priority,
        ticket.created_at.timestamp(),
        ticket.ticket_id,
    )


def next_best_ticket(agent: AgentState, tickets: Sequence[WaitingTicket]) -> WaitingTicket | None:
    """The waiting ticket ``agent`` should take next, or ``None`` if none fits."""
    for ticket in sorted(tickets, key=pull_order):
        if why_not(agent, ticket.needs()) is None:
            return ticket
    return None
