"""Applying the routing rules and the classifier to an arriving ticket.

``route_new_ticket`` gathers the ticket's facts from the database, asks the pure
``rules.decide`` and turns slugs and codes back into rows. ``routing_preview``
does the same for the admin's "which rule would match this ticket?" page,
without creating anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import timezone

from tierdesk.routing.classifier import Keyword, ProductKeywords, detect_product
from tierdesk.routing.models import (
    ClassifierKeyword,
    CustomerTier,
    Product,
    RoutingPolicy,
    RoutingRule,
)
from tierdesk.routing.rules import Policy, RoutingDecision, Rule, TicketFacts, decide

if TYPE_CHECKING:
    from tierdesk.accounts.models import User
    from tierdesk.teams.models import Level, Team

DEFAULT_TEAM_SLUG = "support"
ACCOUNT_TEAM_SLUG = "account_management"
# What the rules' "mailbox or form" condition sees for requests from the customer
# portal; mail names its mailbox, the contact form itself.
PORTAL_SOURCE = "portal"


@dataclass(frozen=True)
class AppliedRouting:
    team: Team
    level: Level | None
    priority: int | None
    ticket_type: str | None
    reasons: tuple[str, ...]
    decision: RoutingDecision | None = None

    @property
    def tags(self) -> tuple[str, ...]:
        return self.decision.tags if self.decision else ()


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def active_rules() -> list[Rule]:
    rules = (
        RoutingRule.objects.filter(is_active=True)
        .select_related("set_team", "set_level", "product")
        .prefetch_related("required_skills")
    )
    return [
        Rule(
            rule_id=rule.pk,
            name=rule.name,
            channel=rule.channel,
            ticket_type=rule.ticket_type,
            keywords=_split(rule.keywords),
            keyword_scope=rule.keyword_scope,
            language=rule.language,
            requester_id=rule.customer_id,
            organisation_id=rule.organisation_id,
            key_accounts_only=rule.key_accounts_only,
            min_loyalty_tier=rule.min_loyalty_tier,
            product=rule.product.code if rule.product else None,
            source=rule.source,
            set_team_slug=rule.set_team.slug if rule.set_team else None,
            set_level_code=rule.set_level.code if rule.set_level else None,
            set_priority=rule.set_priority,
            set_type=rule.set_type or None,
            set_tags=tuple(tag.lower() for tag in _split(rule.set_tags)),
            required_skills=tuple(skill.code for skill in rule.required_skills.all()),
            min_proficiency=rule.min_proficiency,
        )
        for rule in rules
    ]


def active_keywords() -> list[Keyword]:
    rows = ClassifierKeyword.objects.filter(is_active=True, team__is_active=True).select_related(
        "team"
    )
    return [
        Keyword(
            term=row.term,
            ticket_type=row.ticket_type,
            team_slug=row.team.slug,
            weight=row.weight,
            language=row.language,
        )
        for row in rows
    ]


def products() -> list[ProductKeywords]:
    return [
        ProductKeywords(code=product.code, keywords=_split(product.keywords))
        for product in Product.objects.all()
    ]


def routing_policy() -> Policy:
    row = RoutingPolicy.objects.select_related("default_team", "account_team").first()
    if row is None:
        return Policy(default_team_slug=DEFAULT_TEAM_SLUG, account_team_slug=ACCOUNT_TEAM_SLUG)
    return Policy(
        default_team_slug=row.default_team.slug if row.default_team else DEFAULT_TEAM_SLUG,
        account_team_slug=row.account_team.slug if row.account_team else ACCOUNT_TEAM_SLUG,
        key_account_priority=row.key_account_priority,
        vip_priority=row.vip_priority,
        vip_to_account_team=row.vip_to_account_team,
        classifier_threshold=row.classifier_threshold,
    )


@dataclass(frozen=True)
class _Manager:
    user_id: int
    team_slug: str | None
    level_code: str | None


def _account_manager(requester: User) -> _Manager | None:
    from tierdesk.teams.models import AgentProfile, TeamMembership

    organisation = requester.organisation
    if organisation is None or not organisation.is_key_account:
        return None
    manager_id = organisation.account_manager_id
    if manager_id is None:
        return None
    team = (
        TeamMembership.objects.filter(user_id=manager_id)
        .order_by("team__slug")
        .values_list("team__slug", flat=True)
        .first()
    )
    level = (
        AgentProfile.objects.filter(user_id=manager_id)
        .values_list("level__code", flat=True)
        .first()
    )
    return _Manager(manager_id, team, level)


def _tier(requester: User) -> tuple[int, bool]:
    """Loyalty tier (the better of person and organisation) and VIP status."""
    rows = CustomerTier.objects.filter(customer=requester)
    if requester.organisation_id is not None:
        rows = rows | CustomerTier.objects.filter(organisation_id=requester.organisation_id)
    tiers = list(rows.values_list("loyalty_tier", "is_vip"))
    return max((tier for tier, _vip in tiers), default=0), any(vip for _tier, vip in tiers)


def ticket_facts(
    *,
    subject: str,
    body: str,
    channel: str,
    ticket_type: str | None,
    requester: User | None,
    language: str = "",
    source: str = "",
    source_team_slug: str | None = None,
) -> TicketFacts:
    organisation = requester.organisation if requester else None
    manager = _account_manager(requester) if requester else None
    loyalty_tier, is_vip = _tier(requester) if requester else (0, False)
    is_key = bool(organisation and organisation.is_key_account)
    return TicketFacts(
        subject=subject,
        body=body,
        channel=channel,
        ticket_type=ticket_type,
        organisation_id=organisation.pk if organisation else None,
        is_key_account=is_key,
        account_manager_team_slug=(manager.team_slug if manager else None)
        or (ACCOUNT_TEAM_SLUG if is_key else None),
        account_manager_id=manager.user_id if manager else None,
        account_manager_level_code=manager.level_code if manager else None,
        language=language or (requester.language if requester else ""),
        requester_id=requester.pk if requester else None,
        loyalty_tier=loyalty_tier,
        is_vip=is_vip,
        product=detect_product(subject, body, products()),
        source=source,
        source_team_slug=source_team_slug,
    )


def route_new_ticket(
    *,
    subject: str,
    body: str,
    channel: str,
    ticket_type: str | None,
    requester: User,
    language: str = "",
    source: str = "",
    source_team: Team | None = None,
) -> AppliedRouting:
    """Decide team, level, priority, type, tags and skills for a request about to arrive.

    ``source`` names the mailbox or form it came through; ``source_team`` is that
    mailbox's team, which routes the request when no rule decides its team.
    """
    from tierdesk.teams.models import Level, Team

    facts = ticket_facts(
        subject=subject,
        body=body,
        channel=channel,
        ticket_type=ticket_type,
        requester=requester,
        language=language,
        source=source,
        source_team_slug=source_team.slug if source_team else None,
    )
    policy = routing_policy()
    decision = decide(facts, active_rules(), policy=policy, keywords=active_keywords())
    team = (
        Team.objects.filter(slug=decision.team_slug, is_active=True).first()
        or Team.objects.filter(slug=policy.default_team_slug).first()
        or Team.objects.get(slug=DEFAULT_TEAM_SLUG)
    )
    level = Level.objects.filter(code=decision.level_code).first() if decision.level_code else None
    return AppliedRouting(
        team=team,
        level=level,
        priority=decision.priority,
        ticket_type=decision.ticket_type,
        reasons=decision.reasons,
        decision=decision,
    )


@dataclass(frozen=True)
class RuleCheck:
    rule: Rule
    failed_condition: str | None

    @property
    def matches(self) -> bool:
        return self.failed_condition is None


@dataclass(frozen=True)
class Preview:
    facts: TicketFacts
    checks: list[RuleCheck]
    decision: RoutingDecision
    team_mode: str
    assignee: User | None
    assignment_reasons: tuple[str, ...]


def routing_preview(
    *,
    subject: str,
    body: str,
    channel: str,
    ticket_type: str | None,
    requester: User | None,
    language: str = "",
    source: str = "",
    source_team: Team | None = None,
) -> Preview:
    """What would happen to this request: every rule's verdict, the decision, the agent.

    Reads only: nothing is created, locked or assigned.
    """
    from tierdesk.accounts.models import User
    from tierdesk.routing.assignment import Needs, choose_agent
    from tierdesk.routing.dispatch import (
        agent_rows,
        agent_states,
        candidate_agents,
        required_skills,
        team_mode,
    )
    from tierdesk.teams.models import Level, Team

    facts = ticket_facts(
        subject=subject,
        body=body,
        channel=channel,
        ticket_type=ticket_type,
        requester=requester,
        language=language,
        source=source,
        source_team_slug=source_team.slug if source_team else None,
    )
    rules = active_rules()
    policy = routing_policy()
    decision = decide(facts, rules, policy=policy, keywords=active_keywords())
    checks = [RuleCheck(rule, rule.failed_condition(facts)) for rule in rules]
    team = Team.objects.filter(slug=decision.team_slug).first()
    level = Level.objects.filter(code=decision.level_code or "L1").first()
    if team is None or level is None:
        return Preview(facts, checks, decision, "", None, ("team or level unknown",))
    mode = team_mode(team)
    needs = Needs(
        team_slug=team.slug,
        level_code=level.code,
        language=facts.language,
        channel=channel,
        required_skills=required_skills(decision),
        min_proficiency=decision.min_proficiency,
        preferred_agent_id=decision.preferred_agent_id,
    )
    result = choose_agent(
        needs,
        agent_states(
            agent_rows(candidate_agents(team, level)),
            now=timezone.now(),
            team=team,
            skills_needed=needs.required_skills,
        ),
    )
    assignee = User.objects.filter(pk=result.agent_id).first() if result.agent_id else None
    return Preview(facts, checks, decision, mode, assignee, result.reasons)


def classifier_vocabulary_load() -> int:
    """Add the shipped German and English vocabulary to the classifier. Returns rows added.

    Idempotent: existing terms (also edited ones) are left as they are.
    """
    from tierdesk.routing.keywords import default_keywords
    from tierdesk.teams.models import Team

    teams = {team.slug: team for team in Team.objects.all()}
    added = 0
    for keyword in default_keywords():
        team = teams.get(keyword.team_slug)
        if team is None:
            continue
        _row, created = ClassifierKeyword.objects.get_or_create(
            term=keyword.term,
            ticket_type=keyword.ticket_type,
            team=team,
            defaults={"weight": keyword.weight, "language": keyword.language},
        )
        added += created
    return added
