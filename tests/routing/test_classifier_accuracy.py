"""Accuracy of the shipped vocabulary on the labelled set (a regression guard).

The figures are documented in docs/type-classifier.md; these bounds only catch a
vocabulary change that makes things clearly worse.
"""

from __future__ import annotations

from collections import Counter

from tierdesk.routing.evaluation import load_labelled_set, measure
from tierdesk.routing.keywords import default_keywords


def test_labelled_set_is_large_bilingual_and_covers_every_class() -> None:
    tickets = load_labelled_set()
    assert len(tickets) >= 150
    assert {ticket.language for ticket in tickets} == {"de", "en"}
    classes = Counter((ticket.ticket_type, ticket.team_slug) for ticket in tickets)
    assert len(classes) == 7
    assert min(classes.values()) >= 10
    assert {ticket.split for ticket in tickets} == {"dev", "test"}


def test_held_out_half_is_classified_well() -> None:
    test_half = [ticket for ticket in load_labelled_set() if ticket.split == "test"]
    accuracy = measure(test_half, default_keywords(), threshold=0.6)
    assert accuracy.both_correct >= 0.9
    assert accuracy.routed >= 0.8
    assert accuracy.routed_correct >= 0.95


def test_a_higher_threshold_routes_less_and_never_worse() -> None:
    tickets = load_labelled_set()
    low = measure(tickets, default_keywords(), threshold=0.5)
    high = measure(tickets, default_keywords(), threshold=0.8)
    assert high.routed < low.routed
    assert high.routed_correct >= low.routed_correct
