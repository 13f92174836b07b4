"""Which SLA policy applies to a ticket: the first active one whose conditions match.

Pure Python (no Django): policies and tickets arrive as frozen dataclasses.
An empty condition matches every ticket.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class TicketFacts:
    """What a policy can ask about a ticket."""

    priority: int
    team_id: int
    level_id: int
    channel: str
    ticket_type: str
    organisation_id: int | None
    is_key_account: bool
    language: str


@dataclass(frozen=True)
class PolicyRule:
    """A policy's conditions, targets (business minutes) and breach actions."""

    policy_id: int
    name: str
    priorities: frozenset[int] = frozenset()
    team_ids: frozenset[int] = frozenset()
    level_ids: frozenset[int] = frozenset()
    channels: frozenset[str] = frozenset()
    ticket_types: frozenset[str] = frozenset()
    key_accounts_only: bool = False
    organisation_ids: frozenset[int] = frozenset()
    languages: frozenset[str] = frozenset()
    first_response_minutes: int | None = None
    next_response_minutes: int | None = None
    resolution_minutes: int | None = None
    calendar_id: int | None = None
    pause_statuses: frozenset[str] = frozenset({"pending_customer", "on_hold"})
    warning_share: float = 0.8
    raise_priority: bool = False
    assign_lead: bool = False
    escalate: bool = False

    def matches(self, ticket: TicketFacts) -> bool:
        language = ticket.language.split("-")[0].lower()
        return (
            _allows(self.priorities, ticket.priority)
            and _allows(self.team_ids, ticket.team_id)
            and _allows(self.level_ids, ticket.level_id)
            and _allows(self.channels, ticket.channel)
            and _allows(self.ticket_types, ticket.ticket_type)
            and (not self.key_accounts_only or ticket.is_key_account)
            and _allows(self.organisation_ids, ticket.organisation_id)
            and (not self.languages or language in {code.lower() for code in self.languages})
        )


def _allows(allowed: frozenset[int] | frozenset[str], value: object) -> bool:
    return not allowed or value in allowed


def first_matching(rules: Iterable[PolicyRule], ticket: TicketFacts) -> PolicyRule | None:
    """The first rule (in the given order) that matches ``ticket``, or ``None``."""
    return next((rule for rule in rules if rule.matches(ticket)), None)
