"""Each condition of a routing rule, on its own: it matches when it holds, fails when not."""

from __future__ import annotations

import pytest

from tierdesk.routing.rules import Rule, TicketFacts


def facts(**overrides: object) -> TicketFacts:
    values: dict[str, object] = {
        "subject": "Frage zur Rechnung",
        "body": "Wo finde ich meine Rechnung?",
        "channel": "email",
        "ticket_type": None,
        "organisation_id": None,
        "is_key_account": False,
        "language": "de",
        "requester_id": 5,
    }
    values.update(overrides)
    return TicketFacts(**values)  # type: ignore[arg-type]


CASES = [
    # (condition, rule keyword arguments, facts that match, facts that do not)
    ("channel", {"channel": "chat"}, {"channel": "chat"}, {"channel": "email"}),
    ("type", {"ticket_type": "return"}, {"ticket_type": "return"}, {"ticket_type": None}),
    ("language", {"language": "en"}, {"language": "EN"}, {"language": "de"}),
    ("customer", {"requester_id": 9}, {"requester_id": 9}, {"requester_id": 5}),
    ("organisation", {"organisation_id": 3}, {"organisation_id": 3}, {"organisation_id": 4}),
    ("key account", {"key_accounts_only": True}, {"is_key_account": True}, {}),
    ("loyalty tier", {"min_loyalty_tier": 2}, {"loyalty_tier": 3}, {"loyalty_tier": 1}),
    ("product", {"product": "schloss-s1"}, {"product": "schloss-s1"}, {"product": "hk2"}),
    ("mailbox or form", {"source": "Retouren"}, {"source": "retouren"}, {"source": "Support"}),
    ("keywords", {"keywords": ("Rechnung",)}, {}, {"subject": "Hallo", "body": "Text"}),
]


@pytest.mark.parametrize(("condition", "rule_args", "matching", "failing"), CASES)
def test_condition_matches_only_when_it_holds(
    condition: str,
    rule_args: dict[str, object],
    matching: dict[str, object],
    failing: dict[str, object],
) -> None:
    rule = Rule(1, "r", **rule_args)  # type: ignore[arg-type]
    assert rule.matches(facts(**matching))
    assert rule.failed_condition(facts(**failing)) == condition


def test_keyword_scope_subject_ignores_the_body() -> None:
    rule = Rule(1, "r", keywords=("rechnung",), keyword_scope="subject")
    assert rule.matches(facts(subject="Rechnung fehlt", body="x"))
    assert not rule.matches(facts(subject="Hallo", body="Die Rechnung fehlt"))


def test_keyword_scope_body_ignores_the_subject() -> None:
    rule = Rule(1, "r", keywords=("rechnung",), keyword_scope="body")
    assert rule.matches(facts(subject="Hallo", body="Die Rechnung fehlt"))
    assert not rule.matches(facts(subject="Rechnung", body="fehlt"))


def test_keywords_ignore_case_and_umlaut_spelling() -> None:
    rule = Rule(1, "r", keywords=("Rücksendung",))
    assert rule.matches(facts(body="Ich moechte eine RUECKSENDUNG"))


def test_empty_rule_matches_everything() -> None:
    assert Rule(1, "catch-all").matches(facts())
