"""A first guess at the language a customer writes in (German or English). Pure."""

from __future__ import annotations

import re

_GERMAN = frozenset(
    [
        "und",
        "der",
        "die",
        "das",
        "ist",
        "nicht",
        "ich",
        "sie",
        "wir",
        "mit",
        "für",
        "ein",
        "eine",
        "bitte",
        "danke",
        "hallo",
        "guten",
        "tag",
        "grüße",
        "freundlichen",
        "sehr",
        "geehrte",
        "geehrter",
        "haben",
        "habe",
        "mein",
        "meine",
        "auf",
    ]
)
_ENGLISH = frozenset(
    [
        "and",
        "the",
        "is",
        "not",
        "i",
        "you",
        "we",
        "with",
        "for",
        "a",
        "an",
        "please",
        "thanks",
        "thank",
        "hello",
        "hi",
        "dear",
        "regards",
        "best",
        "my",
        "have",
        "has",
        "on",
        "of",
        "to",
    ]
)
_WORD = re.compile(r"[a-zäöüß]+")


def guess_language(text: str, *, default: str | None = None) -> str | None:
    """``"de"`` or ``"en"`` when the text says so clearly, else ``default``."""
    words = _WORD.findall(text.lower()[:5000])
    german = sum(word in _GERMAN for word in words)
    english = sum(word in _ENGLISH for word in words)
    if german >= 2 and german > english:
        return "de"
    if english >= 2 and english > german:
        return "en"
    return default
