"""A transparent keyword classifier: which type of request is this, and for which team?

No Django and no trained model: every proposal can be explained by the keywords
it found. Each keyword points to one (type, team) class with a weight; a keyword
found in the subject counts twice. The class with the highest score wins, and

    confidence = winning score / (sum of all scores + PRIOR)

so one weak hit is not enough to route, several agreeing hits are, and hits for
competing classes lower the confidence. ``PRIOR`` is one keyword's worth of doubt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

PRIOR = 1.0
SUBJECT_FACTOR = 2.0
_FOLDS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def normalise(text: str) -> str:
    """Lower case, umlauts spelt out, whitespace collapsed: "Rücksendung" == "ruecksendung"."""
    return " ".join(text.casefold().translate(_FOLDS).split())


@dataclass(frozen=True)
class Keyword:
    term: str
    ticket_type: str
    team_slug: str
    weight: float = 1.0
    language: str = ""


@dataclass(frozen=True)
class Classification:
    ticket_type: str | None
    team_slug: str | None
    confidence: float
    matched: tuple[str, ...] = ()
    scores: tuple[tuple[str, str, float], ...] = ()

    @property
    def label(self) -> str:
        return f"{self.ticket_type}/{self.team_slug}" if self.ticket_type else "none"


def _found(term: str, text: str) -> int:
    """How often ``term`` (normalised) occurs in ``text`` at the start of a word.

    ``str.find`` plus a look at the character before: much faster than a regex
    with a look-behind for a few hundred terms.
    """
    count, index = 0, text.find(term)
    while index != -1:
        if index == 0 or not text[index - 1].isalnum():
            count += 1
        index = text.find(term, index + 1)
    return count


@lru_cache(maxsize=256)
def _normalised_terms(terms: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(normalise(term) for term in terms)


def classify(subject: str, body: str, keywords: Sequence[Keyword]) -> Classification:
    """Score every (type, team) class by the keywords found in subject and body."""
    keywords = tuple(keyword for keyword in keywords if keyword.term.strip())
    terms = _normalised_terms(tuple(keyword.term for keyword in keywords))
    subject_text, body_text = normalise(subject), normalise(body)
    scores: dict[tuple[str, str], float] = {}
    matched: dict[tuple[str, str], list[str]] = {}
    for keyword, term in zip(keywords, terms, strict=True):
        factor = 0.0
        if _found(term, subject_text):
            factor += SUBJECT_FACTOR
        if _found(term, body_text):
            factor += 1.0
        if factor:
            key = (keyword.ticket_type, keyword.team_slug)
            scores[key] = scores.get(key, 0.0) + factor * keyword.weight
            matched.setdefault(key, []).append(keyword.term)
    if not scores:
        return Classification(None, None, 0.0)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    (ticket_type, team_slug), best = ranked[0]
    confidence = best / (sum(scores.values()) + PRIOR)
    return Classification(
        ticket_type=ticket_type,
        team_slug=team_slug,
        confidence=round(confidence, 4),
        matched=tuple(matched[(ticket_type, team_slug)]),
        scores=tuple((kind, team, round(score, 3)) for (kind, team), score in ranked),
    )


@dataclass(frozen=True)
class ProductKeywords:
    code: str
    keywords: tuple[str, ...]


def detect_product(subject: str, body: str, products: Sequence[ProductKeywords]) -> str | None:
    """The product named most often in the request (the first listed on a tie), if any."""
    text = f"{normalise(subject)}\n{normalise(body)}"
    best, best_hits = None, 0
    for product in products:
        terms = _normalised_terms(tuple(term for term in product.keywords if term.strip()))
        hits = sum(_found(term, text) for term in terms)
        if hits > best_hits:
            best, best_hits = product.code, hits
    return best
