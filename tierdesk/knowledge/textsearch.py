"""Turning German and English text into search terms, the same way for every database.

Pure Python, no Django. Stemming is done here (Snowball, via ``snowballstemmer``)
rather than in the database, so SQLite's FTS5 and PostgreSQL's ``tsvector`` (with
the ``'simple'`` configuration) only ever see the same pre-stemmed terms and a
query behaves alike on both.

A term is lower case, stemmed, and folded to ASCII where a letter has an ASCII
base (``ä`` → ``a``, ``ß`` → ``ss``), so "Rücksendung" and "Rucksendung" meet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

LANGUAGES = ("de", "en")
_STEMMER_NAMES = {"de": "german", "en": "english"}

# A word, or letters and digits joined by hyphens ("WLAN-Verbindung", "E-104").
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
MIN_TERM_LENGTH = 2
MAX_TERM_LENGTH = 60

_GERMAN_STOPWORDS = """
        aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei
        beim bin bis bitte bist da damit dann das dass dein deine dem den denn der des dich die
        dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer
        eines er es etwas euch euer für gegen geht gibt hab habe haben hat hatte hier hin ich ihr
        ihre im in ist ja jetzt kann kein keine können man mehr mein meine meinem meinen meiner
        mich mir mit muss nach nicht noch nun nur ob oder ohne schon sein seit sich sie sind so
        soll über um und uns unser unsere vom von vor war was weil wenn wer wie wieder wir wird
        wo zu zum zur
"""
_ENGLISH_STOPWORDS = """
        a about after all also am an and any are as at be been but by can could did do does
        doesn for from get got had has have how i if in into is it its me my no not of on or
        our please so than that the their them then there these they this to too up was we
        were what when where which who why will with would you your
"""
STOPWORDS = {
    "de": frozenset(_GERMAN_STOPWORDS.split()),
    "en": frozenset(_ENGLISH_STOPWORDS.split()),
}


def fold(text: str) -> str:
    """``Rücksendung`` → ``rucksendung``: lower case, ß as ss, accents removed."""
    text = text.lower().replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=4)
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(_STEMMER_NAMES.get(language, "english"))


@lru_cache(maxsize=100_000)
def stem(word: str, language: str) -> str:
    """The folded stem of one lower-case word."""
    return fold(_stemmer(language).stemWord(word.lower()))


def words(text: str) -> list[str]:
    """The lower-case words of ``text``; hyphenated words give the whole and their parts."""
    found: list[str] = []
    for match in _WORD.finditer(text.lower()):
        word = match.group()
        if "-" in word:
            parts = word.split("-")
            found.append("".join(parts))
            found.extend(parts)
        else:
            found.append(word)
    return [word for word in found if MIN_TERM_LENGTH <= len(word) <= MAX_TERM_LENGTH]


def terms(text: str, language: str, *, keep_stopwords: bool = False) -> list[str]:
    """The index terms of ``text``, in order, stopwords left out."""
    stop = STOPWORDS.get(language, frozenset())
    return [
        stem(word, language)
        for word in words(text)
        if keep_stopwords or (word not in stop and fold(word) not in stop)
    ]


def term_text(text: str, language: str) -> str:
    """The search document form of ``text``: its terms separated by spaces."""
    return " ".join(terms(text, language))


def edit_distance_at_most(left: str, right: str, limit: int) -> bool:
    """Whether the Damerau–Levenshtein distance is ``limit`` or less (transpositions count 1)."""
    if abs(len(left) - len(right)) > limit:
        return False
    previous_previous: list[int] = []
    previous = list(range(len(right) + 1))
    for i, left_char in enumerate(left, start=1):
        current = [i] + [0] * len(right)
        for j, right_char in enumerate(right, start=1):
            cost = 0 if left_char == right_char else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                i > 1
                and j > 1
                and left_char == right[j - 2]
                and left[i - 2] == right_char
                and previous_previous
            ):
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if min(current) > limit:
            return False
        previous_previous, previous = previous, current
    return previous[-1] <= limit


def typo_limit(term: str) -> int:
    """How many edits a query term may be off: none below 4 letters, 2 from 8."""
    if len(term) < 4:
        return 0
    return 2 if len(term) >= 8 else 1


# Linking elements between the parts of a German compound ("Rücksende|etikett",
# "Versand|s|kosten", "Batterie|n|wechsel").
_LINKS = ("", "s", "n", "en", "e", "es")
MIN_PART_LENGTH = 3


def compound_candidates(word: str, language: str) -> set[str]:
    """Every term that could be a part of ``word``; asked of the vocabulary in one go."""
    if language != "de" or len(word) < 2 * MIN_PART_LENGTH + 1:
        return set()
    found: set[str] = set()
    for start in range(len(word)):
        for end in range(start + MIN_PART_LENGTH, len(word) + 1):
            if start == 0 and end == len(word):
                continue
            found.update(_part_forms(word[start:end]))
    return found


def _part_forms(part: str) -> set[str]:
    forms = {stem(part, "de"), fold(part)}
    for link in _LINKS[1:]:
        if part.endswith(link) and len(part) - len(link) >= MIN_PART_LENGTH:
            forms.add(stem(part[: -len(link)], "de"))
    return forms


def split_compound(word: str, known: Callable[[str], bool]) -> list[str] | None:
    """The known terms a German compound is made of, fewest parts first, else ``None``.

    ``known`` tells whether a term is in the vocabulary. "rücksendeetikett" with
    "rucksend" and "etikett" known gives ``["rucksend", "etikett"]``.
    """
    best: dict[int, list[str] | None] = {len(word): []}
    for start in range(len(word) - 1, -1, -1):
        choice: list[str] | None = None
        for end in range(start + MIN_PART_LENGTH, len(word) + 1):
            rest = best.get(end)
            if rest is None or (start == 0 and end == len(word)):
                continue
            part = next(
                (form for form in sorted(_part_forms(word[start:end])) if known(form)), None
            )
            if part is not None and (choice is None or len(rest) + 1 < len(choice)):
                choice = [part, *rest]
        best[start] = choice
    parts = best[0]
    return parts if parts and len(parts) > 1 else None


@dataclass(frozen=True)
class Snippet:
    """A passage of the text with the ranges that matched, as (start, end) offsets."""

    text: str
    marks: tuple[tuple[int, int], ...]


_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def best_passage(
    text: str, language: str, matches: Callable[[str], bool], *, max_length: int = 220
) -> Snippet:
    """The sentence of ``text`` with most matching words, and where they are.

    ``matches`` is asked with the index term of each word. The passage is cut to
    ``max_length`` characters around its first match.
    """
    known: dict[str, bool] = {}

    def word_matches(word: str) -> bool:
        # A text repeats its words; each is stemmed once.
        if word not in known:
            known[word] = any(matches(term) for term in terms(word, language, keep_stopwords=True))
        return known[word]

    best: tuple[int, int, int] = (0, 0, min(len(text), max_length))
    for sentence in _SENTENCE.finditer(text):
        hits = sum(1 for word in _WORD.finditer(sentence.group()) if word_matches(word.group()))
        if hits > best[0]:
            best = (hits, sentence.start(), sentence.end())
    _, start, end = best
    while start < end and text[start].isspace():
        start += 1
    if end - start > max_length:
        first = next(
            (
                word.start()
                for word in _WORD.finditer(text, start, end)
                if word_matches(word.group())
            ),
            start,
        )
        start = max(start, first - max_length // 3)
        end = min(end, start + max_length)
    passage = text[start:end]
    marks = tuple(
        (word.start(), word.end()) for word in _WORD.finditer(passage) if word_matches(word.group())
    )
    return Snippet(text=passage, marks=marks)
