"""Measuring the keyword classifier on the labelled set in ``data/labelled_tickets.json``.

Pure: reads the JSON file shipped with the package, imports no Django.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tierdesk.routing.classifier import Classification, Keyword, classify

LABELLED_SET = Path(__file__).parent / "data" / "labelled_tickets.json"


@dataclass(frozen=True)
class LabelledTicket:
    ticket_id: int
    split: str
    language: str
    ticket_type: str
    team_slug: str
    subject: str
    body: str


@dataclass(frozen=True)
class Accuracy:
    """Shares of a set of tickets (0–1)."""

    tickets: int
    type_correct: float
    team_correct: float
    both_correct: float
    routed: float
    routed_correct: float
    triaged: float

    def as_row(self) -> str:
        return (
            f"| {self.tickets} | {self.type_correct:.1%} | {self.team_correct:.1%} | "
            f"{self.both_correct:.1%} | {self.routed:.1%} | {self.routed_correct:.1%} |"
        )


def load_labelled_set(path: Path = LABELLED_SET) -> list[LabelledTicket]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        LabelledTicket(
            ticket_id=item["id"],
            split=item["split"],
            language=item["language"],
            ticket_type=item["type"],
            team_slug=item["team"],
            subject=item["subject"],
            body=item["body"],
        )
        for item in data["tickets"]
    ]


def measure(
    tickets: Sequence[LabelledTicket], keywords: Sequence[Keyword], *, threshold: float
) -> Accuracy:
    """Accuracy of the top proposal on every ticket, and of those it would route.

    A ticket is routed when the confidence reaches ``threshold``; the rest go to triage.
    """
    results: list[tuple[LabelledTicket, Classification]] = [
        (ticket, classify(ticket.subject, ticket.body, keywords)) for ticket in tickets
    ]
    total = len(results) or 1
    type_ok = sum(1 for t, c in results if c.ticket_type == t.ticket_type)
    team_ok = sum(1 for t, c in results if c.team_slug == t.team_slug)
    both = [
        (t, c) for t, c in results if (c.ticket_type, c.team_slug) == (t.ticket_type, t.team_slug)
    ]
    routed = [(t, c) for t, c in results if c.ticket_type and c.confidence >= threshold]
    routed_ok = sum(
        1 for t, c in routed if (c.ticket_type, c.team_slug) == (t.ticket_type, t.team_slug)
    )
    return Accuracy(
        tickets=len(results),
        type_correct=type_ok / total,
        team_correct=team_ok / total,
        both_correct=len(both) / total,
        routed=len(routed) / total,
        routed_correct=routed_ok / (len(routed) or 1),
        triaged=1 - len(routed) / total,
    )


def confusion(
    tickets: Sequence[LabelledTicket], keywords: Sequence[Keyword]
) -> dict[tuple[str, str], int]:
    """(true type, proposed type or "none") → count."""
    counts: dict[tuple[str, str], int] = {}
    for ticket in tickets:
        proposed = classify(ticket.subject, ticket.body, keywords).ticket_type or "none"
        key = (ticket.ticket_type, proposed)
        counts[key] = counts.get(key, 0) + 1
    return counts
