"""Each demo request text reaches its team through the demo's routing rules."""

from __future__ import annotations

import pytest

from tierdesk.demo import texts_de, texts_en
from tierdesk.demo.catalogue import PROBLEM_THEMES, ProblemTheme
from tierdesk.demo.people import ROUTING_RULES
from tierdesk.routing.rules import Rule, TicketFacts, decide

RULES = [
    Rule(
        rule_id=position,
        name=name,
        keywords=tuple(k.strip() for k in keywords.split(",")),
        set_team_slug=team,
        set_type=ticket_type or None,
        set_priority=priority,
    )
    for position, name, keywords, team, ticket_type, priority in ROUTING_RULES
]
TEAM_OF_INTENT = {
    "question": "support",
    "incident": "support",
    "return": "returns",
    "complaint": "complaints",
    "sales_inquiry": "sales",
    "cancellation": "loyalty",
    "loyalty": "loyalty",
}
TEMPLATES = [
    (language.__name__.rsplit("_", 1)[1], intent, subject, body)
    for language in (texts_de, texts_en)
    for intent, pairs in language.CUSTOMER_REQUESTS.items()
    for subject, body in pairs
]


@pytest.mark.parametrize(("language", "intent", "subject", "body"), TEMPLATES)
def test_template_routes_to_its_team(language: str, intent: str, subject: str, body: str) -> None:
    facts = TicketFacts(
        subject=subject, body=body, channel="email", ticket_type=None,
        organisation_id=None, is_key_account=False,
    )  # fmt: skip
    decision = decide(facts, RULES, "support")
    assert decision.team_slug == TEAM_OF_INTENT[intent], (language, subject)


def test_key_account_goes_to_account_management() -> None:
    facts = TicketFacts(
        subject="Kündigung Heimwacht Plus", body="Bitte kündigen.", channel="email",
        ticket_type=None, organisation_id=3, is_key_account=True,
        account_manager_team_slug="account_management",
    )  # fmt: skip
    decision = decide(facts, RULES, "support")
    assert decision.team_slug == "account_management"
    assert decision.priority is not None and decision.priority >= 3


@pytest.mark.parametrize("theme", PROBLEM_THEMES, ids=lambda theme: theme.tag)
def test_problem_wave_texts_stay_in_support(theme: ProblemTheme) -> None:
    for symptom in (theme.symptom_de, theme.symptom_en):
        facts = TicketFacts(
            subject="Problem mit Gerät", body=symptom, channel="web", ticket_type=None,
            organisation_id=None, is_key_account=False,
        )  # fmt: skip
        assert decide(facts, RULES, "support").team_slug == "support", symptom
