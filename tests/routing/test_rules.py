"""The pure rule evaluation: no database needed."""

from __future__ import annotations

from tierdesk.routing.rules import PRIORITY_HIGH, Rule, TicketFacts, decide


def facts(**overrides: object) -> TicketFacts:
    values: dict[str, object] = {
        "subject": "Frage",
        "body": "Wie geht das?",
        "channel": "email",
        "ticket_type": None,
        "organisation_id": None,
        "is_key_account": False,
    }
    values.update(overrides)
    return TicketFacts(**values)  # type: ignore[arg-type]


RETURNS = Rule(
    1, "Retoure", keywords=("Rücksendung", "retoure"), set_team_slug="returns", set_type="return"
)
PHONE_URGENT = Rule(2, "Telefon", channel="phone", set_priority=4)


def test_no_rule_matches_the_default_team_is_used():
    decision = decide(facts(), [RETURNS, PHONE_URGENT], "support")
    assert decision.team_slug == "support"
    assert decision.reasons == ("default team support",)


def test_keywords_match_case_insensitively_in_subject_or_body():
    decision = decide(facts(body="Ich möchte eine RÜCKSENDUNG"), [RETURNS], "support")
    assert (decision.team_slug, decision.ticket_type) == ("returns", "return")
    assert decision.reasons[0].startswith("rule 1")


def test_first_matching_rule_wins():
    decision = decide(facts(channel="phone", subject="Retoure"), [PHONE_URGENT, RETURNS], "x")
    assert decision.priority == 4
    assert decision.team_slug == "x"


def test_conditions_all_have_to_hold():
    rule = Rule(
        3, "Org+Typ", organisation_id=7, ticket_type="complaint", set_team_slug="complaints"
    )
    assert not rule.matches(facts(organisation_id=7))
    assert not rule.matches(facts(ticket_type="complaint"))
    assert rule.matches(facts(organisation_id=7, ticket_type="complaint"))


def test_key_accounts_reach_their_account_team_with_at_least_high_priority():
    decision = decide(
        facts(is_key_account=True, account_manager_team_slug="account_management", body="retoure"),
        [RETURNS],
        "support",
    )
    assert decision.team_slug == "account_management"
    assert decision.priority == PRIORITY_HIGH
    urgent = decide(facts(is_key_account=True, channel="phone"), [PHONE_URGENT], "support")
    assert urgent.priority == 4
