"""Help-center search latency over 100,000 generated articles (German and English).

Run against a database of its own, e.g.::

    createdb tierdesk_kb_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tierdesk_kb_bench \\
        python bench/bench_kb_search.py --articles 100000

The database is migrated, the demo help center loaded, and ``--articles``
articles generated once (each with a German and an English translation, so the
index holds twice as many documents); later runs reuse them unless
``--regenerate``. Generated texts mix sentences of the demo articles with
product names, synthetic German compounds and unique part numbers, so the
vocabulary is large, as a real catalogue's would be. After generating, and
before every run, the search tables are vacuumed and analysed (after generating,
with ``VACUUM FULL``): the figures are those of a maintained database, whether or
not autovacuum runs on the server.

Measured: the whole ``search_articles`` call a page makes (vocabulary look-ups
for typos, prefixes and compounds, the ranked full-text query, loading the
translations, building highlighted snippets), for every query of the relevance
set, as a visitor (public articles, limit 10), each query ``--repeat`` times
after one warm-up round; and search-as-you-type on each query's first half.
Four ways, in the same run:

* tierdesk as it runs: word expansions cached per process;
* tierdesk with the expansion cache cleared before every search (a process
  seeing each word for the first time);
* baseline: the same, but ``ts_rank`` over every match, nothing bounded;
* previous: every title match ranked, plus the first 1,000 body matches (the
  strategy before the narrow title rows).

Printed: percentiles in milliseconds, the ratio of the baseline's p95 to
tierdesk's, and how the bounded ranking compares with the exact one: recall@3 of
the relevance set over the whole database, and for how many queries the ten
best scores are exactly the baseline's.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tierdesk.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import F  # noqa: E402
from django.utils import timezone  # noqa: E402

from tierdesk.knowledge import search, vocabulary  # noqa: E402
from tierdesk.knowledge.demo_content import ARTICLES, load_help_center  # noqa: E402
from tierdesk.knowledge.models import (  # noqa: E402
    Article,
    ArticleTranslation,
    SearchDocument,
    SearchTerm,
    SearchTitle,
    Section,
    Visibility,
)
from tierdesk.knowledge.selectors import search_articles  # noqa: E402

RELEVANCE_SET = ROOT / "tests" / "knowledge" / "relevance_set.json"
GENERATED_PREFIX = "gen-"
BATCH = 5000
PARTS_DE = (
    "Temperatur", "Sensor", "Funk", "Modul", "Gehäuse", "Deckel", "Schalter", "Kabel", "Halter",
    "Netz", "Teil", "Akku", "Ladegerät", "Wand", "Decke", "Tür", "Fenster", "Heiz", "Körper",
    "Ventil", "Stift", "Kamera", "Linse", "Speicher", "Karte", "Zugang", "Code", "Licht", "Melder",
)  # fmt: skip
WORDS_EN = (
    "sensor", "module", "housing", "cover", "switch", "cable", "bracket", "adapter", "charger",
    "mount", "valve", "lens", "storage", "card", "access", "light", "detector", "relay", "firmware",
)  # fmt: skip
PRODUCTS = ("T3", "HK2", "B1", "S1", "C4", "C2", "R1", "P1", "F1")
SEARCH_TABLES = (
    "knowledge_searchdocument",
    "knowledge_searchtitle",
    "knowledge_searchterm",
    "knowledge_articletranslation",
    "knowledge_article",
)
GIN_INDEXES = ("knowledge_searchdocument_document", "knowledge_searchtitle_title")
UNBOUNDED = 10**9


# ---------------------------------------------------------------- generating


def sentences(language: str) -> list[str]:
    pool = []
    for entry in ARTICLES:
        text = entry.de.body if language == "de" else entry.en.body
        pool += [
            part.strip() for part in re.split(r"(?<=[.!?])\s+|\n", text) if len(part.strip()) > 20
        ]
    return pool


def generated_text(
    rng: random.Random, language: str, pool: list[str], number: int
) -> tuple[str, str]:
    product = rng.choice(PRODUCTS)
    if language == "de":
        compound = "".join(rng.sample(PARTS_DE, 2)).capitalize()
        title = f"{compound} für {product}: Hinweis {number}"
        extra = f"Das Ersatzteil {compound} hat die Teilenummer HW-{number:06d}."
    else:
        words = " ".join(rng.sample(WORDS_EN, 2))
        title = f"{words.capitalize()} for {product}: note {number}"
        extra = f"The spare part {words} has part number HW-{number:06d}."
    body = " ".join(rng.sample(pool, rng.randint(3, 6))) + " " + extra
    return title, body


@contextmanager
def bulk_loading() -> Iterator[None]:
    """GIN indexes take many rows far faster through their pending list, flushed at the end."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        for index in GIN_INDEXES:
            cursor.execute(f"ALTER INDEX {index} SET (fastupdate = on)")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for index in GIN_INDEXES:
                cursor.execute(f"SELECT gin_clean_pending_list('{index}'::regclass)")
                cursor.execute(f"ALTER INDEX {index} SET (fastupdate = off)")


def generate(count: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    pools = {language: sentences(language) for language in ("de", "en")}
    sections = list(Section.objects.exclude(slug="playbooks"))
    now = timezone.now()
    started = time.perf_counter()
    counts: dict[str, dict[str, int]] = {"de": {}, "en": {}}
    for offset in range(0, count, BATCH):
        with transaction.atomic():
            articles = Article.objects.bulk_create(
                [
                    Article(
                        section=sections[(offset + i) % len(sections)],
                        key=f"{GENERATED_PREFIX}{offset + i:06d}",
                        visibility=Visibility.PUBLIC if rng.random() < 0.9 else Visibility.INTERNAL,
                    )
                    for i in range(min(BATCH, count - offset))
                ]
            )
            translations = []
            for i, article in enumerate(articles):
                for language in ("de", "en"):
                    title, body = generated_text(rng, language, pools[language], offset + i)
                    translations.append(
                        ArticleTranslation(
                            article=article,
                            language=language,
                            title=title,
                            slug=f"n{offset + i}",
                            body_html=f"<p>{body}</p>",
                            body_text=body,
                            state="published",
                            version=1,
                            published_version=1,
                            published_title=title,
                            published_html=f"<p>{body}</p>",
                            published_text=body,
                            published_at=now,
                            updated_at=now,
                        )
                    )
            translations = ArticleTranslation.objects.bulk_create(translations)
            documents = []
            for translation in translations:
                title_terms, body_terms = search.document_terms(
                    language=translation.language,
                    title=translation.published_title,
                    keywords="",
                    text=translation.published_text,
                    section_name="",
                )
                language_counts = counts[translation.language]
                for term in set((title_terms + " " + body_terms).split()):
                    language_counts[term] = language_counts.get(term, 0) + 1
                documents.append(
                    SearchDocument(
                        translation=translation,
                        language=translation.language,
                        is_public=translation.article.visibility == Visibility.PUBLIC,
                        title_terms=title_terms,
                        body_terms=body_terms,
                    )
                )
            documents = SearchDocument.objects.bulk_create(documents)
            SearchTitle.objects.bulk_create(
                SearchTitle(
                    document=document,
                    language=document.language,
                    is_public=document.is_public,
                    title_terms=document.title_terms,
                    word_count=search.word_count(document.title_terms, document.body_terms),
                )
                for document in documents
            )
        print(
            f"  {offset + len(articles)} articles ({time.perf_counter() - started:.0f} s)",
            file=sys.stderr,
        )
    with transaction.atomic():
        for language, terms in counts.items():
            existing = dict(SearchTerm.objects.filter(language=language).values_list("term", "id"))
            for term, number in terms.items():
                if term in existing:
                    SearchTerm.objects.filter(pk=existing[term]).update(
                        documents=F("documents") + number
                    )
            SearchTerm.objects.bulk_create(
                [
                    SearchTerm(
                        language=language,
                        term=term[:64],
                        reversed_term=term[:64][::-1],
                        documents=number,
                    )
                    for term, number in terms.items()
                    if term not in existing
                ],
                batch_size=BATCH,
            )
        vocabulary.vocabulary_changed()


GENERATED_ROWS = """
    SELECT d.id FROM knowledge_searchdocument d
    JOIN knowledge_articletranslation t ON t.id = d.translation_id
    JOIN knowledge_article a ON a.id = t.article_id WHERE a.key LIKE %s
"""
REMOVE_GENERATED = (
    f"DELETE FROM knowledge_searchtitle WHERE document_id IN ({GENERATED_ROWS})",
    f"DELETE FROM knowledge_searchdocument WHERE id IN ({GENERATED_ROWS})",
    "DELETE FROM knowledge_articletranslation WHERE article_id IN "
    "(SELECT id FROM knowledge_article WHERE key LIKE %s)",
    "DELETE FROM knowledge_article WHERE key LIKE %s",
)


def remove_generated() -> None:
    """Delete the generated articles and index what is left afresh (the vocabulary too).

    In SQL: the ORM would delete them one by one, as slowly as generating; nothing
    else refers to them.
    """
    with transaction.atomic():
        with connection.cursor() as cursor:
            for statement in REMOVE_GENERATED:
                cursor.execute(statement, [GENERATED_PREFIX + "%"])
        SearchTitle.objects.all().delete()
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()
        for translation in ArticleTranslation.objects.select_related("article__section"):
            search.index_translation(translation, is_public=translation.article.is_public)


def maintain(*, compact: bool = False) -> None:
    """Statistics and a visibility map for the planner; ``compact`` also rewrites tables and indexes.

    Compacting after generating makes a regenerated database (deleted rows, indexes
    grown from pending lists) the same as a first one.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in SEARCH_TABLES:
                cursor.execute(f"VACUUM ({'FULL, ' if compact else ''}ANALYZE) {table}")


def prepare(articles: int, *, regenerate: bool) -> None:
    call_command("migrate", verbosity=0)
    load_help_center()
    have = Article.objects.filter(key__startswith=GENERATED_PREFIX).count()
    if regenerate or have != articles:
        remove_generated()
        print(f"Generating {articles} articles …", file=sys.stderr)
        started = time.perf_counter()
        with bulk_loading():
            generate(articles)
        maintain(compact=True)
        print(f"Generated in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    maintain()


# ---------------------------------------------------------------- measuring


NAIVE_RANKING = """
SELECT translation_id, ts_rank(document, to_tsquery('simple', %(query)s), 1) AS score
FROM knowledge_searchdocument
WHERE document @@ to_tsquery('simple', %(query)s)
  AND language = %(language)s AND (is_public OR %(internal)s)
ORDER BY score DESC, translation_id LIMIT %(limit)s
"""
product_match = search._postgresql_match


def naive_match(*args: Any, **kwargs: Any) -> tuple[str, dict[str, str | bool | int]]:
    """The product's query, ranked over every match: the baseline."""
    _, params = product_match(*args, **kwargs)
    return NAIVE_RANKING, params


@contextmanager
def ranking(strategy: Strategy) -> Iterator[None]:
    """Rank as ``strategy`` does."""
    saved = search.TITLE_CANDIDATES, search.BODY_CANDIDATES
    search.TITLE_CANDIDATES = strategy.title_candidates
    search.BODY_CANDIDATES = strategy.body_candidates
    search._postgresql_match = naive_match if strategy.naive else product_match  # type: ignore[assignment]
    try:
        yield
    finally:
        search.TITLE_CANDIDATES, search.BODY_CANDIDATES = saved
        search._postgresql_match = product_match  # type: ignore[assignment]


Query = dict[str, str]


def query_text(item: Query, typing: bool) -> str:
    return item["q"][: max(3, len(item["q"]) // 2)] if typing else item["q"]


def run(item: Query, *, typing: bool, cold: bool) -> list[search.SearchResult]:
    if cold:
        vocabulary.clear_cache()
    return search_articles(
        None, query_text(item, typing), language=item["lang"], limit=10, typing=typing
    )


def measure(queries: list[Query], *, repeat: int, typing: bool, cold: bool) -> list[float]:
    timings = []
    for round_number in range(repeat + 1):
        for item in queries:
            started = time.perf_counter()
            run(item, typing=typing, cold=cold)
            elapsed = (time.perf_counter() - started) * 1000
            if round_number > 0:  # the first round warms caches
                timings.append(elapsed)
    return timings


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def figures(timings: list[float]) -> str:
    return (
        f"n={len(timings)} p50={percentile(timings, 0.5):.1f} p95={percentile(timings, 0.95):.1f} "
        f"p99={percentile(timings, 0.99):.1f} max={max(timings):.1f} "
        f"mean={statistics.fmean(timings):.1f}"
    )


@dataclass(frozen=True)
class Strategy:
    name: str
    title_candidates: int
    body_candidates: int
    cache_cleared: bool  # the word expansions, before each search
    naive: bool = False  # ts_rank over every match


TIERDESK = Strategy("tierdesk", search.TITLE_CANDIDATES, search.BODY_CANDIDATES, False)
TIERDESK_UNCACHED = Strategy(
    "tierdesk, expansion cache cleared", search.TITLE_CANDIDATES, search.BODY_CANDIDATES, True
)
BASELINE = Strategy("baseline: ts_rank over every match", 0, 0, True, naive=True)
# Emulated: the title matches now come from the narrow rows' index.
PREVIOUS = Strategy("previous: every title match + 1,000 bodies", UNBOUNDED, 1000, True)
STRATEGIES = (TIERDESK, TIERDESK_UNCACHED, BASELINE, PREVIOUS)


def agreement(queries: list[Query], *, typing: bool) -> dict[str, tuple[float, int]]:
    """Per ranking: recall@3 of the relevance set, and queries with exactly the baseline's scores."""
    outcome = {}
    exact: dict[str, list[float]] = {}
    for strategy in (BASELINE, PREVIOUS, TIERDESK):  # the baseline first
        found = same = 0
        for item in queries:
            with ranking(strategy):
                results = run(item, typing=typing, cold=False)
            keys = [result.translation.article.key for result in results]
            found += bool(set(keys[:3]) & set(item["expected"]))
            scores = [round(result.score, 6) for result in results]
            same += scores == exact.setdefault(item["q"], scores)
        outcome[strategy.name] = (found / len(queries), same)
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--regenerate", action="store_true")
    arguments = parser.parse_args()
    prepare(arguments.articles, regenerate=arguments.regenerate)
    queries = json.loads(RELEVANCE_SET.read_text())["queries"]
    print(
        f"Database: {connection.vendor}; {Article.objects.count()} articles, "
        f"{SearchDocument.objects.count()} indexed translations, "
        f"{SearchTerm.objects.count()} terms; {len(queries)} queries; "
        f"load average {' '.join(f'{load:.2f}' for load in os.getloadavg())}"
    )
    p95: dict[Strategy, float] = {}
    for typing in (False, True):
        print("search-as-you-type (first half of each query)" if typing else "full queries")
        for strategy in STRATEGIES:
            with ranking(strategy):
                timings = measure(
                    queries, repeat=arguments.repeat, typing=typing, cold=strategy.cache_cleared
                )
            p95[strategy] = percentile(timings, 0.95)
            print(f"  {strategy.name:45} {figures(timings)}")
        print(
            f"  p95 of the baseline / tierdesk: {p95[BASELINE] / p95[TIERDESK]:.1f}×; "
            f"/ tierdesk with the cache cleared: {p95[BASELINE] / p95[TIERDESK_UNCACHED]:.1f}×"
        )
        for name, (recall, same) in agreement(queries, typing=typing).items():
            print(
                f"  {name:45} recall@3 {recall:.3f}; "
                f"ten best scores as the baseline's: {same}/{len(queries)}"
            )
    slow = sorted(
        (
            (statistics.median(measure([item], repeat=3, typing=False, cold=True)), item["q"])
            for item in queries
        ),
        reverse=True,
    )[:5]
    print(
        "slowest queries, cache cleared (median ms): "
        + "; ".join(f"{query!r} {ms:.1f}" for ms, query in slow)
    )
    print(f"load average {' '.join(f'{load:.2f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main()
