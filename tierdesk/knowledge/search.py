"""Full-text search over published translations: indexing, querying, ranking, snippets.

Text becomes terms in Python (``textsearch``); the database matches and ranks
terms only: FTS5 with bm25 on SQLite, a ``tsvector`` with ``ts_rank`` on
PostgreSQL. Each query word is expanded against the vocabulary (``vocabulary``:
prefixes, compound heads and parts, typos).

All words must match; when that finds fewer than three, any word may.

Bounded work on PostgreSQL: ``ts_rank`` reads the whole ``tsvector`` of every
document it ranks, and a common word is in tens of thousands. So only
candidates are ranked: the ``TITLE_CANDIDATES`` best title matches, chosen by
the rank of the title alone from narrow rows (``SearchTitle``), and the first
``BODY_CANDIDATES`` matches the index yields (in the table's order, which says
nothing about their rank). A document outside both, whose body would have put
it on the first page, is missed; a query with at most ``BODY_CANDIDATES``
matches is ranked exactly. SQLite's FTS5 ranks every match from its own index.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F
from django.utils.safestring import SafeString, mark_safe

from tierdesk.knowledge import textsearch, vocabulary
from tierdesk.knowledge.models import ArticleTranslation, SearchDocument, SearchTerm, SearchTitle
from tierdesk.knowledge.vocabulary import MIN_PREFIX, TermGroup

MAX_QUERY_WORDS = 12
TYPO_QUERY_WORDS = 4
TITLE_WEIGHT = 4.0
TITLE_CANDIDATES = 200
BODY_CANDIDATES = 500
MIN_BEFORE_ANY_WORD = 3

__all__ = ["TermGroup", "find", "index_translation", "parse_query", "snippet"]


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
    document, _ = SearchDocument.objects.update_or_create(
        translation=translation,
        defaults={
            "language": translation.language,
            "is_public": is_public,
            "title_terms": title_terms,
            "body_terms": body_terms,
        },
    )
    SearchTitle.objects.update_or_create(
        document=document,
        defaults={
            "language": translation.language,
            "is_public": is_public,
            "title_terms": title_terms,
            "word_count": word_count(title_terms, body_terms),
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


def word_count(title_terms: str, body_terms: str) -> int:
    """The length of a document in terms, which its rank is divided by."""
    return len(title_terms.split()) + len(body_terms.split())


def _count_terms(language: str, *, removed: set[str], added: set[str]) -> None:
    if removed:
        SearchTerm.objects.filter(language=language, term__in=removed).update(
            documents=F("documents") - 1
        )
    if added:
        existing = set(
            SearchTerm.objects.filter(language=language, term__in=added).values_list(
                "term", flat=True
            )
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
    if removed or added:
        vocabulary.vocabulary_changed()


def set_document_visibility(translation_ids: Iterable[int], *, is_public: bool) -> None:
    documents = SearchDocument.objects.filter(translation_id__in=list(translation_ids))
    documents.update(is_public=is_public)
    SearchTitle.objects.filter(document__in=documents).update(is_public=is_public)


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
    typos = len(content) <= TYPO_QUERY_WORDS
    last = len(content) - 1
    groups = vocabulary.expand(
        language,
        [
            vocabulary.Word(word, complete=typing and position == last, typos=typos)
            for position, word in enumerate(content)
        ],
    )
    return ParsedQuery(language=language, groups=tuple(g for g in groups if not g.is_empty))


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
    sql: str
    params: Sequence[object] | Mapping[str, object]
    if vendor == "sqlite":
        sql, params = _sqlite_match(parsed, include_internal, limit, require_all)
        sign = -1.0  # bm25: lower is better
    elif vendor == "postgresql":
        sql, params = _postgresql_match(parsed, include_internal, limit, require_all)
        sign = 1.0
    else:  # pragma: no cover - the settings allow only these two
        raise NotImplementedError(f"Help center search does not support {vendor}.")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Hit(translation_id=row[0], score=sign * float(row[1])) for row in cursor.fetchall()]


def _sqlite_match(
    parsed: ParsedQuery, include_internal: bool, limit: int, require_all: bool
) -> tuple[str, list[str | float | bool | int]]:
    joiner = " AND " if require_all else " OR "
    expression = joiner.join(_fts5_group(group) for group in parsed.groups)
    sql = (
        "SELECT d.translation_id, bm25(knowledge_search_fts, %s, 1.0) AS score "
        "FROM knowledge_search_fts JOIN knowledge_searchdocument d "
        "ON d.id = knowledge_search_fts.rowid "
        "WHERE knowledge_search_fts MATCH %s AND d.language = %s "
        "AND (d.is_public OR %s) ORDER BY score, d.translation_id LIMIT %s"
    )
    return sql, [TITLE_WEIGHT, expression, parsed.language, include_internal, limit]


# Title matches are chosen by the rank of their title divided by the length of the
# whole document, as the full rank (normalisation 1) divides by log2(1 + length);
# the body, weighted 0.4 to the title's 1.0, rarely reorders them.
POSTGRESQL_MATCH = """
SELECT translation_id, max(score) AS score FROM (
    (SELECT d.translation_id, ts_rank(d.document, to_tsquery('simple', %(query)s), 1) AS score
     FROM (SELECT t.document_id FROM knowledge_searchtitle t
           WHERE t.title_document @@ to_tsquery('simple', %(query)s)
             AND t.language = %(language)s AND (t.is_public OR %(internal)s)
           ORDER BY ts_rank(t.title_document, to_tsquery('simple', %(query)s), 0)
                    / ln(1.0::float8 + greatest(t.word_count, 1)) DESC, t.document_id
           LIMIT %(titles)s) AS best_titles
     JOIN knowledge_searchdocument d ON d.id = best_titles.document_id)
    UNION ALL
    (SELECT translation_id, ts_rank(document, to_tsquery('simple', %(query)s), 1)
     FROM knowledge_searchdocument
     WHERE document @@ to_tsquery('simple', %(query)s)
       AND language = %(language)s AND (is_public OR %(internal)s)
     LIMIT %(bodies)s)
) AS candidates
GROUP BY translation_id ORDER BY score DESC, translation_id LIMIT %(limit)s
"""


def _postgresql_match(
    parsed: ParsedQuery, include_internal: bool, limit: int, require_all: bool
) -> tuple[str, dict[str, str | bool | int]]:
    joiner = " & " if require_all else " | "
    expression = joiner.join(_tsquery_group(group) for group in parsed.groups)
    params: dict[str, str | bool | int] = {
        "query": expression,
        "language": parsed.language,
        "internal": include_internal,
        "titles": max(TITLE_CANDIDATES, limit),
        "bodies": BODY_CANDIDATES,
        "limit": limit,
    }
    return POSTGRESQL_MATCH, params


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
