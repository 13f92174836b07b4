"""Rule evaluation as a pure function: ticket facts in, a routing decision out.

No Django here, so the rules can be tested and previewed without a database.
The order of decisions:

1. the first matching rule sets team, level, priority, type, tags and skills;
2. if no rule set a team, the team of the mailbox the request came through does;
3. if there is still no team or type, the keyword classifier proposes them, and its
   confidence decides whether it routes or leaves the request for triage;
4. key accounts go to their account manager (or the account team) and VIP
   customers to the account team, both at least at the policy's priority.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tierdesk.routing.classifier import Classification, Keyword, classify, normalise

# Priority codes shared with the tickets app (kept as plain ints to stay framework-free).
PRIORITY_HIGH = 3
TRIAGE_TAG = "triage"


@dataclass(frozen=True)
class TicketFacts:
    """What is known about a request when it arrives."""

    subject: str
    body: str
    channel: str
    ticket_type: str | None
    organisation_id: int | None
    is_key_account: bool
    account_manager_team_slug: str | None = None
    account_manager_id: int | None = None
    account_manager_level_code: str | None = None
    language: str = ""
    requester_id: int | None = None
    loyalty_tier: int = 0
    is_vip: bool = False
    product: str | None = None
    source: str = ""
    # The team of the mailbox (or form) the request came through, if it has one.
    source_team_slug: str | None = None


@dataclass(frozen=True)
class Rule:
    rule_id: int
    name: str
    # Conditions: empty or None means "any".
    channel: str = ""
    ticket_type: str = ""
    keywords: tuple[str, ...] = ()
    keyword_scope: str = "any"
    language: str = ""
    requester_id: int | None = None
    organisation_id: int | None = None
    key_accounts_only: bool = False
    min_loyalty_tier: int | None = None
    product: str | None = None
    source: str = ""
    # Actions: empty or None means "leave as is".
    set_team_slug: str | None = None
    set_level_code: str | None = None
    set_priority: int | None = None
    set_type: str | None = None
    set_tags: tuple[str, ...] = ()
    required_skills: tuple[str, ...] = ()
    min_proficiency: int = 1

    def failed_condition(self, facts: TicketFacts) -> str | None:
        """The first condition that does not hold, or ``None`` when the rule matches."""
        if self.channel and self.channel != facts.channel:
            return "channel"
        if self.ticket_type and self.ticket_type != facts.ticket_type:
            return "type"
        if self.language and self.language.casefold() != facts.language.casefold():
            return "language"
        if self.requester_id is not None and self.requester_id != facts.requester_id:
            return "customer"
        if self.organisation_id is not None and self.organisation_id != facts.organisation_id:
            return "organisation"
        if self.key_accounts_only and not facts.is_key_account:
            return "key account"
        if self.min_loyalty_tier is not None and facts.loyalty_tier < self.min_loyalty_tier:
            return "loyalty tier"
        if self.product and self.product != facts.product:
            return "product"
        if self.source and self.source.casefold() != facts.source.casefold():
            return "mailbox or form"
        if self.keywords and not self._keywords_found(facts):
            return "keywords"
        return None

    def matches(self, facts: TicketFacts) -> bool:
        return self.failed_condition(facts) is None

    def _keywords_found(self, facts: TicketFacts) -> bool:
        if self.keyword_scope == "subject":
            text = facts.subject
        elif self.keyword_scope == "body":
            text = facts.body
        else:
            text = f"{facts.subject}\n{facts.body}"
        haystack = normalise(text)
        return any(normalise(keyword) in haystack for keyword in self.keywords if keyword)


@dataclass(frozen=True)
class Policy:
    """Department-wide settings of the decision."""

    default_team_slug: str = "support"
    account_team_slug: str = "account_management"
    key_account_priority: int = PRIORITY_HIGH
    vip_priority: int = PRIORITY_HIGH
    vip_to_account_team: bool = True
    classifier_threshold: float = 0.6


@dataclass(frozen=True)
class RoutingDecision:
    team_slug: str | None = None
    level_code: str | None = None
    priority: int | None = None
    ticket_type: str | None = None
    reasons: tuple[str, ...] = field(default_factory=tuple)
    tags: tuple[str, ...] = ()
    required_skills: tuple[str, ...] = ()
    min_proficiency: int = 1
    rule_id: int | None = None
    rule_name: str = ""
    preferred_agent_id: int | None = None
    classification: Classification | None = None
    needs_triage: bool = False
    product: str | None = None


@dataclass
class _Draft:
    """The decision while it is being made (mutable inside ``decide`` only)."""

    team: str | None = None
    level: str | None = None
    priority: int | None = None
    ticket_type: str | None = None
    tags: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    min_proficiency: int = 1
    reasons: list[str] = field(default_factory=list)


def first_matching_rule(facts: TicketFacts, rules: Sequence[Rule]) -> Rule | None:
    return next((rule for rule in rules if rule.matches(facts)), None)


def decide(
    facts: TicketFacts,
    rules: Sequence[Rule],
    default_team_slug: str | None = None,
    *,
    policy: Policy | None = None,
    keywords: Sequence[Keyword] = (),
) -> RoutingDecision:
    """Decide team, level, priority, type, tags and skills for an arriving request."""
    policy = policy or Policy()
    default_team = default_team_slug or policy.default_team_slug
    draft = _Draft()
    rule = first_matching_rule(facts, rules)
    if rule is not None:
        _apply_rule(draft, rule)
    if draft.team is None and facts.source_team_slug:
        draft.team = facts.source_team_slug
        draft.reasons.append(f"team of {facts.source or 'the mailbox'}: {draft.team}")
    classification = None
    needs_triage = False
    if keywords and (draft.team is None or draft.ticket_type is None) and not facts.ticket_type:
        classification = classify(facts.subject, facts.body, keywords)
        needs_triage = not _apply_classification(draft, classification, policy)
    preferred_agent = _apply_customer_policy(draft, facts, policy)
    if facts.product and facts.product not in draft.tags:
        draft.tags.append(facts.product)
        draft.reasons.append(f"product {facts.product} recognised")
    triage = needs_triage and draft.team is None
    if triage:
        draft.tags.append(TRIAGE_TAG)
    if draft.team is None:
        draft.team = default_team
        draft.reasons.append(f"default team {default_team}")
    return RoutingDecision(
        team_slug=draft.team,
        level_code=draft.level,
        priority=draft.priority,
        ticket_type=draft.ticket_type,
        reasons=tuple(draft.reasons),
        tags=tuple(dict.fromkeys(draft.tags)),
        required_skills=tuple(dict.fromkeys(draft.skills)),
        min_proficiency=draft.min_proficiency,
        rule_id=rule.rule_id if rule else None,
        rule_name=rule.name if rule else "",
        preferred_agent_id=preferred_agent,
        classification=classification,
        needs_triage=triage,
        product=facts.product,
    )


def _apply_rule(draft: _Draft, rule: Rule) -> None:
    draft.team, draft.level = rule.set_team_slug, rule.set_level_code
    draft.priority, draft.ticket_type = rule.set_priority, rule.set_type
    draft.tags.extend(rule.set_tags)
    draft.skills.extend(rule.required_skills)
    draft.min_proficiency = max(1, rule.min_proficiency)
    draft.reasons.append(f"rule {rule.rule_id} ({rule.name})")


def _apply_classification(draft: _Draft, classification: Classification, policy: Policy) -> bool:
    """Route by the classifier's proposal if it is confident enough; tell whether it was."""
    if classification.ticket_type is None:
        draft.reasons.append("classifier: no keyword found, left for triage")
        return False
    proposal = (
        f"classifier: {classification.ticket_type} for {classification.team_slug}, "
        f"confidence {classification.confidence:.2f}"
    )
    if classification.confidence < policy.classifier_threshold:
        draft.reasons.append(f"{proposal} below {policy.classifier_threshold:.2f}, left for triage")
        return False
    draft.reasons.append(f"{proposal} ({', '.join(classification.matched[:5])})")
    draft.ticket_type = draft.ticket_type or classification.ticket_type
    draft.team = draft.team or classification.team_slug
    return True


def _apply_customer_policy(draft: _Draft, facts: TicketFacts, policy: Policy) -> int | None:
    """Key accounts reach their account manager; VIP customers the account team.

    Returns the agent the ticket should preferably go to (the account manager).
    """
    if facts.is_key_account:
        draft.team = facts.account_manager_team_slug or policy.account_team_slug
        if facts.account_manager_level_code:
            draft.level = facts.account_manager_level_code
        draft.priority = max(draft.priority or 0, policy.key_account_priority)
        who = "account manager" if facts.account_manager_id else "account team"
        draft.reasons.append(
            f"key account: to the {who} ({draft.team}), priority at least {draft.priority}"
        )
        return facts.account_manager_id
    if facts.is_vip:
        if policy.vip_to_account_team:
            draft.team = policy.account_team_slug
        draft.priority = max(draft.priority or 0, policy.vip_priority)
        draft.reasons.append(f"VIP customer: {draft.team}, priority at least {draft.priority}")
    return None
