"""The keyword classifier: transparent scores, confidence, and routing or triage."""

from __future__ import annotations

from tierdesk.routing.classifier import Keyword, classify, normalise
from tierdesk.routing.keywords import default_keywords
from tierdesk.routing.rules import TRIAGE_TAG, Policy, TicketFacts, decide

KEYWORDS = (
    Keyword("kündig", "cancellation", "loyalty", 2.0),
    Keyword("abo", "cancellation", "loyalty", 1.0),
    Keyword("beschwer", "complaint", "complaints", 2.0),
    Keyword("defekt", "return", "returns", 1.0),
)


def facts(subject: str, body: str) -> TicketFacts:
    return TicketFacts(subject, body, "email", None, None, False)


def test_normalise_folds_case_umlauts_and_spaces() -> None:
    assert normalise("  Rücksendung  GROẞ ") == "ruecksendung gross"


def test_terms_match_at_word_start_only() -> None:
    assert classify("", "Ich kündige", KEYWORDS).ticket_type == "cancellation"
    assert classify("", "Ich habe gekündigt", KEYWORDS).ticket_type is None
    assert classify("", "Das Taboo", KEYWORDS).ticket_type is None


def test_subject_counts_twice_and_confidence_is_share_with_prior() -> None:
    result = classify("Kündigung", "mein Abo", KEYWORDS)
    assert result.scores == (("cancellation", "loyalty", 5.0),)
    assert result.confidence == round(5 / 6, 4)
    assert result.matched == ("kündig", "abo")


def test_competing_classes_lower_the_confidence() -> None:
    result = classify("", "Beschwerde: das Gerät ist defekt", KEYWORDS)
    assert (result.ticket_type, result.team_slug) == ("complaint", "complaints")
    assert result.confidence == round(2 / (2 + 1 + 1), 4)


def test_confident_proposal_routes_the_request() -> None:
    decision = decide(facts("Kündigung", "Abo beenden"), [], "support", keywords=KEYWORDS)
    assert (decision.team_slug, decision.ticket_type) == ("loyalty", "cancellation")
    assert not decision.needs_triage
    assert decision.reasons[0].startswith("classifier: cancellation for loyalty")


def test_unsure_proposal_leaves_the_request_for_triage() -> None:
    policy = Policy(classifier_threshold=0.6)
    decision = decide(facts("Hallo", "Gerät defekt"), [], policy=policy, keywords=KEYWORDS)
    assert decision.team_slug == "support"
    assert decision.ticket_type is None
    assert decision.needs_triage
    assert TRIAGE_TAG in decision.tags
    assert "below 0.60, left for triage" in decision.reasons[0]


def test_no_keyword_at_all_is_triage_too() -> None:
    decision = decide(facts("Hallo", "Guten Tag"), [], "support", keywords=KEYWORDS)
    assert decision.needs_triage
    assert decision.classification is not None
    assert decision.classification.confidence == 0.0


def test_a_type_chosen_by_the_customer_is_not_second_guessed() -> None:
    chosen = TicketFacts("Kündigung", "Abo", "web", "question", None, False)
    decision = decide(chosen, [], "support", keywords=KEYWORDS)
    assert decision.classification is None
    assert decision.ticket_type is None  # the caller keeps the customer's type


def test_default_vocabulary_has_german_and_english_for_every_type() -> None:
    pairs = {(keyword.ticket_type, keyword.language) for keyword in default_keywords()}
    for kind in ("cancellation", "complaint", "return", "sales_inquiry", "incident", "question"):
        assert {(kind, "de"), (kind, "en")} <= pairs
