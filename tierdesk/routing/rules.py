"""Rule evaluation as a pure function: ticket facts in, a routing decision out.

No Django here, so the rules can be tested and previewed without a database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TicketFacts:
    subject: str
    body: str
    channel: str
    ticket_type: str | None
    organisation_id: int | None
    is_key_account: bool
    account_manager_team_slug: str | None = None


@dataclass(frozen=True)
class Rule:
    rule_id: int
    name: str
    channel: str = ""
    ticket_type: str = ""
    keywords: tuple[str, ...] = ()
    organisation_id: int | None = None
    key_accounts_only: bool = False
    set_team_slug: str | None = None
    set_level_code: str | None = None
    set_priority: int | None = None
    set_type: str | None = None

    def matches(self, facts: TicketFacts) -> bool:
        if self.channel and self.channel != facts.channel:
            return False
        if self.ticket_type and self.ticket_type != facts.ticket_type:
            return False
        if self.organisation_id is not None and self.organisation_id != facts.organisation_id:
            return False
        if self.key_accounts_only and not facts.is_key_account:
            return False
        if self.keywords:
            text = f"{facts.subject}\n{facts.body}".casefold()
            return any(keyword.casefold() in text for keyword in self.keywords)
        return True


@dataclass(frozen=True)
class RoutingDecision:
    team_slug: str | None = None
    level_code: str | None = None
    priority: int | None = None
    ticket_type: str | None = None
    reasons: tuple[str, ...] = field(default_factory=tuple)


# Priority codes shared with the tickets app (kept as plain ints to stay framework-free).
PRIORITY_HIGH = 3


def decide(facts: TicketFacts, rules: Sequence[Rule], default_team_slug: str) -> RoutingDecision:
    """Apply the first matching rule, then the key-account policy.

    Key-account tickets always reach their account manager's team with at least
    high priority, whatever rule matched: up to 80 % of revenue depends on them.
    """
    team, level, priority, ticket_type = None, None, None, None
    reasons: list[str] = []
    for rule in rules:
        if rule.matches(facts):
            team, level = rule.set_team_slug, rule.set_level_code
            priority, ticket_type = rule.set_priority, rule.set_type
            reasons.append(f"rule {rule.rule_id} ({rule.name})")
            break
    if facts.is_key_account:
        if facts.account_manager_team_slug:
            team = facts.account_manager_team_slug
        priority = max(priority or 0, PRIORITY_HIGH)
        reasons.append("key account: account manager's team, priority at least high")
    if team is None:
        team = default_team_slug
        reasons.append(f"default team {default_team_slug}")
    return RoutingDecision(
        team_slug=team,
        level_code=level,
        priority=priority,
        ticket_type=ticket_type,
        reasons=tuple(reasons),
    )
