"""Each action of the first matching rule ends up in the decision, with the rule as reason."""

from __future__ import annotations

from tierdesk.routing.rules import Rule, TicketFacts, decide


def facts(**overrides: object) -> TicketFacts:
    values: dict[str, object] = {
        "subject": "Schloss klemmt",
        "body": "Das Türschloss klemmt.",
        "channel": "phone",
        "ticket_type": None,
        "organisation_id": None,
        "is_key_account": False,
    }
    values.update(overrides)
    return TicketFacts(**values)  # type: ignore[arg-type]


RULE = Rule(
    7,
    "Schloss am Telefon",
    channel="phone",
    set_team_slug="support",
    set_level_code="L2",
    set_priority=4,
    set_type="incident",
    set_tags=("schloss", "telefon"),
    required_skills=("technical-diagnosis",),
    min_proficiency=4,
)


def test_every_action_is_applied() -> None:
    decision = decide(facts(), [RULE], "support")
    assert decision.team_slug == "support"
    assert decision.level_code == "L2"
    assert decision.priority == 4
    assert decision.ticket_type == "incident"
    assert decision.tags == ("schloss", "telefon")
    assert decision.required_skills == ("technical-diagnosis",)
    assert decision.min_proficiency == 4
    assert (decision.rule_id, decision.rule_name) == (7, "Schloss am Telefon")
    assert decision.reasons[0] == "rule 7 (Schloss am Telefon)"


def test_a_rule_that_does_not_match_changes_nothing() -> None:
    decision = decide(facts(channel="email"), [RULE], "support")
    assert decision.rule_id is None
    assert (decision.level_code, decision.priority, decision.tags) == (None, None, ())


def test_recognised_product_becomes_a_tag() -> None:
    decision = decide(facts(product="schloss-s1"), [RULE], "support")
    assert decision.tags == ("schloss", "telefon", "schloss-s1")
    assert decision.product == "schloss-s1"
