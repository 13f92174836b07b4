"""Full-text search over published translations: indexing, querying, ranking, snippets.

Text becomes terms in Python (``textsearch``); the database matches and ranks
terms only: FTS5 with bm25 on SQLite, a ``tsvector`` with ``ts_rank`` on
PostgreSQL. Query terms are expanded against the vocabulary (``SearchTerm``):

* prefix completion for the word being typed and for longer words,
* "ends with" for German compound heads ("Etikett" finds "Rücksendeetikett"),
* splitting of German compounds ("Rücksendeetikett" finds "Etikett für die
  Rücksendung"),
* edit distance 1 (2 from eight letters) for unknown words in short queries.

All words must match; when that finds fewer than asked for, any word may.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F, Q
from django.db.models.functions import Length
from django.utils.safestring import SafeString, mark_safe

from tierdesk.knowledge import textsearch
from tierdesk.knowledge.models import ArticleTranslation, SearchDocument, SearchTerm

MAX_QUERY_WORDS = 12
MAX_EXPANSIONS = 12
TYPO_QUERY_WORDS = 4
TYPO_CANDIDATES = 3000
TITLE_WEIGHT = 4.0
RANK_CANDIDATES = 1000
MIN_BEFORE_ANY_WORD = 3


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
class ParsedQuery:
    language: str
    groups: tuple[TermGroup, ...]

    @property
    def matched_terms(self) -> frozenset[str]:
        found: set[str] = set()
        for group in self.groups:
            found |= group.alternatives | set(group.parts)
        return frozenset(found)


@dataclass(frozen=True)
class Hit:
    translation_id: int
    score: float


@dataclass
class SearchResult:
    translation: ArticleTranslation
    score: float
    snippet_text: str
    snippet_html: SafeString
    matched: frozenset[str] = field(default_factory=frozenset)


# ---------------------------------------------------------------- indexing


def index_translation(translation: ArticleTranslation, *, is_public: bool) -> None:
    """Put the published text of ``translation`` into the index (or take it out)."""
    old = SearchDocument.objects.filter(translation=translation).first()
    old_terms = set((old.title_terms + " " + old.body_terms).split()) if old else set()
    if translation.published_version is None:
        if old is not None:
            old.delete()
            _count_terms(translation.language, removed=old_terms, added=set())
        return
    title_terms, body_terms = document_terms(
        language=translation.language,
        title=translation.published_title,
        keywords=translation.published_keywords,
        text=translation.published_text,
        section_name=_section_name(translation),
    )
    SearchDocument.objects.update_or_create(
        translation=translation,
        defaults={
            "language": translation.language,
            "is_public": is_public,
            "title_terms": title_terms,
            "body_terms": body_terms,
        },
    )
    new_terms = set((title_terms + " " + body_terms).split())
    _count_terms(translation.language, removed=old_terms - new_terms, added=new_terms - old_terms)


def _section_name(translation: ArticleTranslation) -> str:
    section = translation.article.section
    return section.name_de if translation.language == "de" else section.name_en


def document_terms(
    *, language: str, title: str, keywords: str, text: str, section_name: str
) -> tuple[str, str]:
    """The two indexed fields: title with keywords (weighted up), and the body."""
    title_terms = textsearch.term_text(f"{title} {keywords}", language)
    body_terms = textsearch.term_text(f"{text} {section_name}", language)
    return title_terms, body_terms


def _count_terms(language: str, *, removed: set[str], added: set[str]) -> None:
    if removed:
        SearchTerm.objects.filter(language=language, term__in=removed).update(
            documents=F("documents") - 1
        )
    if not added:
        return
    existing = set(
        SearchTerm.objects.filter(language=language, term__in=added).values_list("term", flat=True)
    )
    SearchTerm.objects.filter(language=language, term__in=existing).update(
        documents=F("documents") + 1
    )
    SearchTerm.objects.bulk_create(
        [
            SearchTerm(
                language=language, term=term[:64], reversed_term=term[:64][::-1], documents=1
            )
            for term in sorted(added - existing)
        ],
        ignore_conflicts=True,
    )


def set_document_visibility(translation_ids: Iterable[int], *, is_public: bool) -> None:
    SearchDocument.objects.filter(translation_id__in=list(translation_ids)).update(
        is_public=is_public
    )


# ---------------------------------------------------------------- parsing


def parse_query(text: str, language: str, *, typing: bool = False) -> ParsedQuery:
    """The term groups of a query, expanded against the vocabulary.

    ``typing`` marks search-as-you-type: the last word may be incomplete, so it
    is completed by prefix even when short.
    """
    words = textsearch.words(text)
    stop = textsearch.STOPWORDS.get(language, frozenset())
    content = [word for word in words if word not in stop] or words
    content = list(dict.fromkeys(content))[:MAX_QUERY_WORDS]
    if not content:
        return ParsedQuery(language=language, groups=())
    stems = [textsearch.stem(word, language) for word in content]
    vocabulary = _Vocabulary(language)
    vocabulary.load_exact(stems)
    vocabulary.load_compound_parts(content)
    groups: list[TermGroup] = []
    allow_typos = len(content) <= TYPO_QUERY_WORDS
    for position, (word, term) in enumerate(zip(content, stems, strict=True)):
        is_last = position == len(content) - 1
        groups.append(
            _expand(word, term, vocabulary, complete=typing and is_last, typos=allow_typos)
        )
    non_empty = tuple(group for group in groups if not group.is_empty)
    return ParsedQuery(language=language, groups=non_empty)


class _Vocabulary:
    """The vocabulary of one language, asked in as few queries as possible."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.known: dict[str, int] = {}

    def _terms(self) -> Q:
        return Q(language=self.language, documents__gt=0)

    def load_exact(self, candidates: Iterable[str]) -> None:
        wanted = {term for term in candidates if term not in self.known}
        if wanted:
            rows = SearchTerm.objects.filter(self._terms(), term__in=wanted)
            self.known.update(rows.values_list("term", "documents"))

    def load_compound_parts(self, words: Sequence[str]) -> None:
        candidates: set[str] = set()
        for word in words:
            candidates |= textsearch.compound_candidates(word, self.language)
        self.load_exact(candidates)

    def frequency(self, term: str) -> int:
        return self.known.get(term, 0)

    def starting_with(self, prefix: str) -> list[str]:
        rows = SearchTerm.objects.filter(
            self._terms(), term__gte=prefix, term__lt=_successor(prefix)
        ).order_by("-documents", "term")[:MAX_EXPANSIONS]
        return [term for term, _ in self._remember(rows)]

    def ending_with(self, suffix: str) -> list[str]:
        backwards = suffix[::-1]
        rows = SearchTerm.objects.filter(
            self._terms(), reversed_term__gte=backwards, reversed_term__lt=_successor(backwards)
        ).order_by("-documents", "term")[:MAX_EXPANSIONS]
        return [term for term, _ in self._remember(rows)]

    def near(self, term: str) -> list[str]:
        limit = textsearch.typo_limit(term)
        if limit == 0:
            return []
        # A typo rarely hits both the first two and the last two letters: two range scans.
        head, tail = term[:2], term[-2:][::-1]
        lengths = Q(length__gte=len(term) - limit, length__lte=len(term) + limit)
        terms = SearchTerm.objects.alias(length=Length("term")).filter(self._terms(), lengths)
        heads = terms.filter(term__gte=head, term__lt=_successor(head))
        tails = terms.filter(reversed_term__gte=tail, reversed_term__lt=_successor(tail))
        found: dict[str, int] = {}
        for rows in (heads, tails):
            for candidate, documents in rows.values_list("term", "documents")[:TYPO_CANDIDATES]:
                if abs(len(candidate) - len(term)) <= limit and textsearch.edit_distance_at_most(
                    term, candidate, limit
                ):
                    found[candidate] = documents
        self.known.update(found)
        best = sorted(found, key=lambda candidate: -found[candidate])
        return best[:MAX_EXPANSIONS]

    def _remember(self, rows: Iterable[SearchTerm]) -> list[tuple[str, int]]:
        pairs = [(row.term, row.documents) for row in rows]
        self.known.update(pairs)
        return pairs


def _successor(prefix: str) -> str:
    """The first string after every string starting with ``prefix`` (terms are alphanumeric)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


MIN_PREFIX = 4
MIN_TYPED_PREFIX = 2


def _expand(
    word: str, term: str, vocabulary: _Vocabulary, *, complete: bool, typos: bool
) -> TermGroup:
    alternatives: set[str] = set()
    if vocabulary.frequency(term):
        alternatives.add(term)
    if len(term) >= MIN_PREFIX or (complete and len(term) >= MIN_TYPED_PREFIX):
        alternatives.update(vocabulary.starting_with(term))
        if complete and word != term:
            # "rücksen" stems to "rucks"; complete what was typed, too.
            alternatives.update(vocabulary.starting_with(textsearch.fold(word)))
    if len(term) >= MIN_PREFIX + 1 and vocabulary.language == "de":
        alternatives.update(vocabulary.ending_with(term))
    parts: tuple[str, ...] = ()
    if vocabulary.language == "de":
        split = textsearch.split_compound(word, lambda part: vocabulary.frequency(part) > 0)
        if split:
            parts = tuple(split)
    if not alternatives and not parts and typos:
        alternatives.update(vocabulary.near(term))
    return TermGroup(word=word, alternatives=frozenset(alternatives), parts=parts)


# ---------------------------------------------------------------- matching


def _fts5_group(group: TermGroup) -> str:
    options = [f'"{term}"' for term in sorted(group.alternatives)]
    if group.parts:
        options.append("(" + " AND ".join(f'"{part}"' for part in group.parts) + ")")
    return "(" + " OR ".join(options) + ")"


def _tsquery_group(group: TermGroup) -> str:
    options = [f"'{term}'" for term in sorted(group.alternatives)]
    if group.parts:
        options.append("(" + " & ".join(f"'{part}'" for part in group.parts) + ")")
    return "(" + " | ".join(options) + ")"


def _match(
    parsed: ParsedQuery, *, include_internal: bool, limit: int, require_all: bool
) -> list[Hit]:
    if not parsed.groups:
        return []
    vendor = connection.vendor
    if vendor == "sqlite":
        joiner = " AND " if require_all else " OR "
        expression = joiner.join(_fts5_group(group) for group in parsed.groups)
        sql = (
            "SELECT d.translation_id, bm25(knowledge_search_fts, %s, 1.0) AS score "
            "FROM knowledge_search_fts JOIN knowledge_searchdocument d "
            "ON d.id = knowledge_search_fts.rowid "
            "WHERE knowledge_search_fts MATCH %s AND d.language = %s "
            "AND (d.is_public OR %s) ORDER BY score, d.translation_id LIMIT %s"
        )
        params: list[str | float | bool | int] = [
            TITLE_WEIGHT,
            expression,
            parsed.language,
            include_internal,
            limit,
        ]
        sign = -1.0
    elif vendor == "postgresql":
        joiner = " & " if require_all else " | "
        expression = joiner.join(_tsquery_group(group) for group in parsed.groups)
        # ts_rank reads every candidate's tsvector, and a common word matches tens of
        # thousands: all title matches are ranked (found through the title index),
        # but of the body matches only the first RANK_CANDIDATES.
        sql = (
            "SELECT translation_id, max(ts_rank(document, to_tsquery('simple', %s), 1)) AS score "
            "FROM ("
            "(SELECT translation_id, document FROM knowledge_searchdocument "
            " WHERE title_document @@ to_tsquery('simple', %s) AND language = %s "
            " AND (is_public OR %s)) "
            "UNION ALL "
            "(SELECT translation_id, document FROM knowledge_searchdocument "
            " WHERE document @@ to_tsquery('simple', %s) AND language = %s "
            " AND (is_public OR %s) LIMIT %s)) AS candidates "
            "GROUP BY translation_id ORDER BY score DESC, translation_id LIMIT %s"
        )
        language, internal = parsed.language, include_internal
        params = [expression, expression, language, internal]
        params += [expression, language, internal, RANK_CANDIDATES, limit]
        sign = 1.0
    else:  # pragma: no cover - the settings allow only these two
        raise NotImplementedError(f"Help center search does not support {vendor}.")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Hit(translation_id=row[0], score=sign * float(row[1])) for row in cursor.fetchall()]


def find(
    text: str,
    *,
    language: str,
    include_internal: bool,
    limit: int = 10,
    typing: bool = False,
) -> tuple[ParsedQuery, list[Hit]]:
    """Ranked hits for ``text``: all words first; any word when that finds fewer than three."""
    parsed = parse_query(text, language, typing=typing)
    hits = _match(parsed, include_internal=include_internal, limit=limit, require_all=True)
    if len(hits) < min(limit, MIN_BEFORE_ANY_WORD) and len(parsed.groups) > 1:
        seen = {hit.translation_id for hit in hits}
        more = _match(parsed, include_internal=include_internal, limit=limit, require_all=False)
        hits += [hit for hit in more if hit.translation_id not in seen][: limit - len(hits)]
    return parsed, hits


# ---------------------------------------------------------------- snippets


def snippet(translation: ArticleTranslation, parsed: ParsedQuery) -> tuple[str, SafeString]:
    """A passage of the published text with the matching words marked."""
    matched = parsed.matched_terms
    prefixes = tuple(term for term in matched if len(term) >= MIN_PREFIX)

    def matches(term: str) -> bool:
        return term in matched or (len(term) >= MIN_PREFIX and term.startswith(prefixes))

    passage = textsearch.best_passage(translation.published_text, translation.language, matches)
    pieces: list[str] = []
    cursor = 0
    for start, end in passage.marks:
        pieces.append(html.escape(passage.text[cursor:start]))
        pieces.append("<mark>" + html.escape(passage.text[start:end]) + "</mark>")
        cursor = end
    pieces.append(html.escape(passage.text[cursor:]))
    return passage.text, mark_safe("".join(pieces))  # every piece is escaped


def term_frequencies(documents: Iterable[str]) -> Counter[str]:
    """Number of documents per term, for bulk loading the vocabulary."""
    counts: Counter[str] = Counter()
    for document in documents:
        counts.update(set(document.split()))
    return counts
