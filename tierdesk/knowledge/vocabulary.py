"""What each word of a query may match, read from the vocabulary of the index (``SearchTerm``).

A word may match its stem, and

* the terms it is a prefix of (the word being typed, and longer words),
* for German, the terms it ends ("Etikett" finds "Rücksendeetikett"),
* for German, the known terms it is made of ("Rücksendeetikett" finds "Etikett
  für die Rücksendung"),
* when it matches none of these and the query is short: the terms at edit
  distance 1 (2 from eight letters) that share its first or last two letters.

One database round trip reads what all words of a query need (a second one only
when a word is unknown and may be a typo). What a word expands to depends on
the vocabulary alone, so each process keeps the expansions it computed for as
long as the vocabulary's token (``SearchVocabularyVersion``) stays the one they
were computed under; the token is read once per search and changes in the same
transaction as the vocabulary, so every process notices a change on its next
search. The one assumption: a process reads a single database.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import connection

from tierdesk.knowledge import textsearch
from tierdesk.knowledge.models import SearchTerm, SearchVocabularyVersion

MAX_EXPANSIONS = 12
MIN_PREFIX = 4
MIN_TYPED_PREFIX = 2
TYPO_CANDIDATES = 3000
CACHED_WORDS = 20_000
VERSION_ROW = 1


@dataclass(frozen=True)
class TermGroup:
    """What one query word may match: any of ``alternatives``, or all of ``parts``."""

    word: str
    alternatives: frozenset[str]
    parts: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.alternatives and not self.parts


@dataclass(frozen=True)
class Word:
    """A query word and how far it is expanded; the key of the expansion cache."""

    text: str
    complete: bool = False  # being typed: completed by prefix from two letters
    typos: bool = False


def expand(language: str, words: Sequence[Word]) -> list[TermGroup]:
    """The term group of each of ``words``, in order."""
    cache = _cache_for(current_token())
    found = {word: cache.groups.get((language, word)) for word in words}
    missing = [word for word, group in found.items() if group is None]
    if missing:
        looked_up = _Lookup(language, missing).groups()
        cache.store(language, looked_up)
        found.update(looked_up)
    return [group for word in words if (group := found[word]) is not None]


# ---------------------------------------------------------------- the version token


def current_token() -> str:
    """The vocabulary's token; empty where nothing was ever indexed."""
    token = (
        SearchVocabularyVersion.objects.filter(pk=VERSION_ROW)
        .values_list("token", flat=True)
        .first()
    )
    return token or ""


def vocabulary_changed() -> None:
    """Call after changing ``SearchTerm``, in the same transaction: every process drops its expansions.

    After, not before: outside a transaction, a search between the two must not
    pair the new token with the old vocabulary.
    """
    token = uuid.uuid4().hex
    if not SearchVocabularyVersion.objects.filter(pk=VERSION_ROW).update(token=token):
        SearchVocabularyVersion.objects.update_or_create(pk=VERSION_ROW, defaults={"token": token})


@dataclass
class _Cache:
    token: str
    groups: dict[tuple[str, Word], TermGroup] = field(default_factory=dict)

    def store(self, language: str, groups: dict[Word, TermGroup]) -> None:
        if len(self.groups) + len(groups) > CACHED_WORDS:
            self.groups = {}
        for word, group in groups.items():
            self.groups[(language, word)] = group


_current = _Cache(token="\0")  # no database token looks like this
_swap = threading.Lock()


def _cache_for(token: str) -> _Cache:
    """The cache of ``token``: a new, empty one when the token changed.

    A search still working under an older token writes into the old cache, which
    nobody reads any more, so nothing computed from an older vocabulary survives.
    """
    global _current
    with _swap:
        if _current.token != token:
            _current = _Cache(token=token)
        return _current


def clear_cache() -> None:
    """Forget every expansion (for measuring the uncached path)."""
    global _current
    with _swap:
        _current = _Cache(token="\0")


# ---------------------------------------------------------------- reading the vocabulary


class _Lookup:
    """The expansions of ``words``, with as few queries as the words allow."""

    def __init__(self, language: str, words: Sequence[Word]) -> None:
        self.language = language
        self.words = words
        self.stems = {word: textsearch.stem(word.text, language) for word in words}
        self.known: dict[str, int] = {}
        self.starting: dict[str, list[str]] = {}
        self.ending: dict[str, list[str]] = {}

    def groups(self) -> dict[Word, TermGroup]:
        self._read()
        groups = {word: self._group(word) for word in self.words}
        unknown = [word for word, group in groups.items() if group.is_empty and word.typos]
        if unknown:
            near = self._near({self.stems[word] for word in unknown})
            for word in unknown:
                groups[word] = TermGroup(
                    word=word.text, alternatives=frozenset(near[self.stems[word]])
                )
        return groups

    def _prefixes(self, word: Word) -> list[str]:
        term = self.stems[word]
        if len(term) < MIN_PREFIX and not (word.complete and len(term) >= MIN_TYPED_PREFIX):
            return []
        # "rücksen" stems to "rucks"; complete what was typed, too.
        typed = textsearch.fold(word.text)
        return [term, typed] if word.complete and word.text != term else [term]

    def _suffixes(self, word: Word) -> list[str]:
        term = self.stems[word]
        return [term] if self.language == "de" and len(term) >= MIN_PREFIX + 1 else []

    def _read(self) -> None:
        exact = set(self.stems.values())
        for word in self.words:
            exact |= textsearch.compound_candidates(word.text, self.language)
        starting = sorted({prefix for word in self.words for prefix in self._prefixes(word)})
        ending = sorted({suffix for word in self.words for suffix in self._suffixes(word)})
        probes = _Probes(self.language)
        probes.add_exact(sorted(exact))
        for prefix in starting:
            probes.add_range("term", prefix, order="documents DESC, term", limit=MAX_EXPANSIONS)
        for suffix in ending:
            probes.add_range(
                "reversed_term", suffix[::-1], order="documents DESC, term", limit=MAX_EXPANSIONS
            )
        found = probes.run()
        for rows in found:
            self.known.update(rows)
        for position, prefix in enumerate(starting, start=1):
            self.starting[prefix] = [term for term, _ in found[position]]
        for position, suffix in enumerate(ending, start=1 + len(starting)):
            self.ending[suffix] = [term for term, _ in found[position]]

    def _group(self, word: Word) -> TermGroup:
        term = self.stems[word]
        alternatives: set[str] = set()
        if self.known.get(term, 0):
            alternatives.add(term)
        for prefix in self._prefixes(word):
            alternatives.update(self.starting[prefix])
        for suffix in self._suffixes(word):
            alternatives.update(self.ending[suffix])
        parts: tuple[str, ...] = ()
        if self.language == "de":
            split = textsearch.split_compound(word.text, lambda part: self.known.get(part, 0) > 0)
            if split:
                parts = tuple(split)
        return TermGroup(word=word.text, alternatives=frozenset(alternatives), parts=parts)

    def _near(self, terms: set[str]) -> dict[str, list[str]]:
        """Known terms within the typo limit of each of ``terms``, most frequent first.

        Candidates share the first two or the last two letters (a typo rarely hits
        both) and are within the limit in length; each of the two range scans is
        cut at ``TYPO_CANDIDATES`` terms in alphabetical order.
        """
        wanted = sorted(term for term in terms if textsearch.typo_limit(term))
        probes = _Probes(self.language)
        for term in wanted:
            limit = textsearch.typo_limit(term)
            lengths = (len(term) - limit, len(term) + limit)
            probes.add_range("term", term[:2], lengths=lengths, limit=TYPO_CANDIDATES)
            probes.add_range(
                "reversed_term", term[-2:][::-1], lengths=lengths, limit=TYPO_CANDIDATES
            )
        found = probes.run() if wanted else []
        near: dict[str, list[str]] = {term: [] for term in terms}
        for position, term in enumerate(wanted):
            limit = textsearch.typo_limit(term)
            close = {
                candidate: documents
                for candidate, documents in found[2 * position] + found[2 * position + 1]
                if textsearch.edit_distance_at_most(term, candidate, limit)
            }
            best = sorted(close, key=lambda candidate: (-close[candidate], candidate))
            near[term] = best[:MAX_EXPANSIONS]
        return near


class _Probes:
    """Several reads of the vocabulary of one language, sent as one ``UNION ALL``."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.selects: list[str] = []
        self.params: list[str | int] = []

    def _base(self) -> str:
        return (
            f"SELECT term, documents FROM {SearchTerm._meta.db_table} "
            "WHERE language = %s AND documents > 0"
        )

    def add_exact(self, terms: Sequence[str]) -> None:
        placeholders = ", ".join(["%s"] * len(terms)) or "NULL"
        self._add(f"{self._base()} AND term IN ({placeholders})", [self.language, *terms])

    def add_range(
        self,
        column: str,
        prefix: str,
        *,
        limit: int,
        order: str | None = None,
        lengths: tuple[int, int] | None = None,
    ) -> None:
        """Rows whose ``column`` starts with ``prefix`` (a range scan on its index)."""
        sql = f"{self._base()} AND {column} >= %s AND {column} < %s"
        params: list[str | int] = [self.language, prefix, _successor(prefix)]
        if lengths is not None:
            sql += " AND LENGTH(term) BETWEEN %s AND %s"
            params += list(lengths)
        sql += f" ORDER BY {order or column} LIMIT {int(limit)}"
        self._add(sql, params)

    def _add(self, sql: str, params: list[str | int]) -> None:
        number = len(self.selects)
        # A subquery each: SQLite allows ORDER BY and LIMIT only there in a compound select.
        self.selects.append(f"SELECT {number} AS probe, term, documents FROM ({sql}) AS p{number}")
        self.params += params

    def run(self) -> list[list[tuple[str, int]]]:
        """The rows of each probe, in the order they were added."""
        found: list[list[tuple[str, int]]] = [[] for _ in self.selects]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(self.selects), self.params)
            for probe, term, documents in cursor.fetchall():
                found[probe].append((term, documents))
        return found


def _successor(prefix: str) -> str:
    """The first string after every string starting with ``prefix`` (terms are alphanumeric)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)
