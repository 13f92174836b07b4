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
vocabulary is large, as a real catalogue's would be.

Measured: the whole ``search_articles`` call a page makes (vocabulary look-ups
for typos, prefixes and compounds, the ranked full-text query, loading the
translations, building highlighted snippets), for every query of the relevance
set, as a visitor (public articles, limit 10), each query ``--repeat`` times
after one warm-up round; and search-as-you-type on each query's first letters.
Printed: percentiles in milliseconds.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tierdesk.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import F  # noqa: E402
from django.utils import timezone  # noqa: E402

from tierdesk.knowledge import search  # noqa: E402
from tierdesk.knowledge.demo_content import ARTICLES, load_help_center  # noqa: E402
from tierdesk.knowledge.models import (  # noqa: E402
    Article,
    ArticleTranslation,
    SearchDocument,
    SearchTerm,
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
                for term in set((title_terms + " " + body_terms).split()):
                    counts[translation.language][term] = (
                        counts[translation.language].get(term, 0) + 1
                    )
                documents.append(
                    SearchDocument(
                        translation=translation,
                        language=translation.language,
                        is_public=translation.article.visibility == Visibility.PUBLIC,
                        title_terms=title_terms,
                        body_terms=body_terms,
                    )
                )
            SearchDocument.objects.bulk_create(documents)
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
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE knowledge_searchdocument; ANALYZE knowledge_searchterm;")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(queries: list[dict[str, str]], *, repeat: int, typing: bool) -> list[float]:
    timings = []
    for round_number in range(repeat + 1):
        for item in queries:
            text = item["q"][: max(3, len(item["q"]) // 2)] if typing else item["q"]
            started = time.perf_counter()
            search_articles(None, text, language=item["lang"], limit=10, typing=typing)
            elapsed = (time.perf_counter() - started) * 1000
            if round_number > 0:  # the first round warms caches
                timings.append(elapsed)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--regenerate", action="store_true")
    arguments = parser.parse_args()
    call_command("migrate", verbosity=0)
    load_help_center()
    generated = Article.objects.filter(key__startswith=GENERATED_PREFIX)
    if arguments.regenerate:
        SearchTerm.objects.all().delete()
        generated.delete()
        for translation in ArticleTranslation.objects.select_related("article__section"):
            search.index_translation(translation, is_public=translation.article.is_public)
    if generated.count() < arguments.articles:
        generated.delete()
        print(f"Generating {arguments.articles} articles …", file=sys.stderr)
        generate(arguments.articles)
    queries = json.loads(RELEVANCE_SET.read_text())["queries"]
    documents = SearchDocument.objects.count()
    vocabulary = SearchTerm.objects.count()
    print(
        f"Database: {connection.vendor}; {Article.objects.count()} articles, {documents} indexed translations, {vocabulary} terms"
    )
    for typing in (False, True):
        timings = measure(queries, repeat=arguments.repeat, typing=typing)
        label = "search-as-you-type (first half of each query)" if typing else "full queries"
        print(
            f"{label}: n={len(timings)} p50={percentile(timings, 0.5):.1f} ms "
            f"p95={percentile(timings, 0.95):.1f} ms p99={percentile(timings, 0.99):.1f} ms "
            f"max={max(timings):.1f} ms mean={statistics.fmean(timings):.1f} ms"
        )
    slow = sorted(
        (
            (statistics.median(measure([item], repeat=3, typing=False)), item["q"])
            for item in queries
        ),
        reverse=True,
    )[:5]
    print("slowest queries (median ms): " + "; ".join(f"{query!r} {ms:.1f}" for ms, query in slow))


if __name__ == "__main__":
    main()
