"""Applying the routing rules to an arriving ticket."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tierdesk.routing.models import RoutingRule
from tierdesk.routing.rules import Rule, TicketFacts, decide

if TYPE_CHECKING:
    from tierdesk.accounts.models import User
    from tierdesk.teams.models import Level, Team

DEFAULT_TEAM_SLUG = "support"
ACCOUNT_TEAM_SLUG = "account_management"


@dataclass(frozen=True)
class AppliedRouting:
    team: Team
    level: Level | None
    priority: int | None
    ticket_type: str | None
    reasons: tuple[str, ...]


def active_rules() -> list[Rule]:
    rules = RoutingRule.objects.filter(is_active=True).select_related("set_team", "set_level")
    return [
        Rule(
            rule_id=rule.pk,
            name=rule.name,
            channel=rule.channel,
            ticket_type=rule.ticket_type,
            keywords=tuple(k.strip() for k in rule.keywords.split(",") if k.strip()),
            organisation_id=rule.organisation_id,
            key_accounts_only=rule.key_accounts_only,
            set_team_slug=rule.set_team.slug if rule.set_team else None,
            set_level_code=rule.set_level.code if rule.set_level else None,
            set_priority=rule.set_priority,
            set_type=rule.set_type or None,
        )
        for rule in rules
    ]


def _account_manager_team_slug(requester: User) -> str | None:
    organisation = requester.organisation
    if organisation is None or not organisation.is_key_account:
        return None
    manager = organisation.account_manager
    if manager is not None:
        slug = manager.team_memberships.values_list("team__slug", flat=True).first()
        if slug:
            return str(slug)
    return ACCOUNT_TEAM_SLUG


def route_new_ticket(
    *, subject: str, body: str, channel: str, ticket_type: str | None, requester: User
) -> AppliedRouting:
    from tierdesk.teams.models import Level, Team

    organisation = requester.organisation
    facts = TicketFacts(
        subject=subject,
        body=body,
        channel=channel,
        ticket_type=ticket_type,
        organisation_id=organisation.pk if organisation else None,
        is_key_account=bool(organisation and organisation.is_key_account),
        account_manager_team_slug=_account_manager_team_slug(requester),
    )
    decision = decide(facts, active_rules(), DEFAULT_TEAM_SLUG)
    team = Team.objects.filter(slug=decision.team_slug).first() or Team.objects.get(
        slug=DEFAULT_TEAM_SLUG
    )
    level = Level.objects.filter(code=decision.level_code).first() if decision.level_code else None
    return AppliedRouting(
        team=team,
        level=level,
        priority=decision.priority,
        ticket_type=decision.ticket_type,
        reasons=decision.reasons,
    )
