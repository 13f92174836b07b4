"""The search index beside the documents: narrow title rows, bounded ranking, cached expansions."""

from __future__ import annotations

import importlib

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from tests import factories
from tierdesk.knowledge import search, vocabulary
from tierdesk.knowledge.models import (
    Article,
    SearchDocument,
    SearchTitle,
    Section,
    Visibility,
)
from tierdesk.knowledge.selectors import search_articles
from tierdesk.knowledge.services import article_create, article_update, translation_publish

pytestmark = pytest.mark.django_db


def _publish(
    department: factories.Department,
    section: Section,
    title: str,
    body: str,
    *,
    visibility: str = Visibility.PUBLIC,
) -> Article:
    article = article_create(
        actor=department.l2,
        section=section,
        language="en",
        title=title,
        body=body,
        visibility=visibility,
    )
    translation_publish(actor=department.l2, translation=article.translations.get())
    return article


def _keys(user: object, text: str, **kwargs: object) -> list[str]:
    results = search_articles(user, text, language="en", **kwargs)  # type: ignore[arg-type]
    return [result.translation.article.key for result in results]


def test_title_rows_follow_publishing_and_visibility(
    department: factories.Department, section: Section
) -> None:
    article = _publish(
        department, section, "Descaler kit", "Run the descaler monthly.", visibility="internal"
    )
    document = SearchDocument.objects.get(translation__article=article)
    title = SearchTitle.objects.get(document=document)
    assert (title.language, title.is_public, title.title_terms) == ("en", False, "descal kit")
    assert title.word_count == len(document.title_terms.split() + document.body_terms.split())
    assert _keys(None, "descaler kit") == []
    assert _keys(department.l1, "descaler kit") == [article.key]

    article_update(actor=department.l2, article=article, visibility=Visibility.PUBLIC)
    assert SearchTitle.objects.get(document=document).is_public
    assert _keys(None, "descaler kit") == [article.key]

    article_update(actor=department.l2, article=article, visibility=Visibility.INTERNAL)
    assert _keys(None, "descaler kit") == []
    assert _keys(None, "descal") == []  # as typed, too


def test_bounded_candidates_keep_the_best_match_first(
    department: factories.Department, section: Section, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(6):
        _publish(
            department,
            section,
            f"Gateway model {number}",
            "A long text about something else entirely. " * (number + 2),
        )
    best = _publish(department, section, "Gateway", "Gateway reset.")
    body_only = _publish(department, section, "Reset", "Hold the gateway button.")
    exact = _keys(None, "gateway", limit=10)
    assert exact[0] == best.key and body_only.key in exact

    monkeypatch.setattr(search, "TITLE_CANDIDATES", 2)
    monkeypatch.setattr(search, "BODY_CANDIDATES", 1)
    bounded = _keys(None, "gateway", limit=3)
    assert bounded[0] == best.key
    assert len(bounded) == 3  # at least as many candidates as asked for


def test_expansions_are_read_in_one_query_and_then_cached(
    department: factories.Department, section: Section
) -> None:
    _publish(department, section, "Thermostat display", "The thermostat display stays dark.")
    vocabulary.clear_cache()
    with CaptureQueriesContext(connection) as first:
        assert search.parse_query("thermostat display dark", "en").groups
    with CaptureQueriesContext(connection) as again:
        search.parse_query("thermostat display dark", "en")

    def vocabulary_reads(captured: CaptureQueriesContext) -> int:
        return sum("knowledge_searchterm" in query["sql"] for query in captured.captured_queries)

    assert vocabulary_reads(first) == 1
    assert vocabulary_reads(again) == 0
    assert len(again.captured_queries) == 1  # the vocabulary's token


def test_a_typo_costs_a_second_query_only_when_a_word_is_unknown(
    department: factories.Department, section: Section
) -> None:
    _publish(department, section, "Thermostat display", "The thermostat display stays dark.")
    vocabulary.clear_cache()
    with CaptureQueriesContext(connection) as captured:
        parsed = search.parse_query("thermostat dsplay", "en")
    assert sum("knowledge_searchterm" in q["sql"] for q in captured.captured_queries) == 2
    assert [sorted(group.alternatives) for group in parsed.groups] == [["thermostat"], ["display"]]


def test_publishing_invalidates_cached_expansions(
    department: factories.Department, section: Section
) -> None:
    first = _publish(department, section, "Descaling", "Descale the kettle.")
    assert _keys(None, "desc", typing=True) == [first.key]
    token = vocabulary.current_token()

    second = _publish(department, section, "Descrambler", "Set up the descrambler.")
    assert vocabulary.current_token() != token
    assert set(_keys(None, "desc", typing=True)) == {first.key, second.key}


def test_a_rolled_back_publication_leaves_no_expansion_behind(
    department: factories.Department, section: Section
) -> None:
    _publish(department, section, "Descaling", "Descale the kettle.")
    before = vocabulary.current_token()
    with transaction.atomic():
        _publish(department, section, "Flux capacitor", "Flux capacitors need care.")
        assert search.parse_query("flux", "en").groups  # cached inside the transaction
        transaction.set_rollback(True)
    assert vocabulary.current_token() == before
    assert search.parse_query("flux", "en").groups == ()


def test_migration_counts_words_as_indexing_does(
    department: factories.Department, section: Section
) -> None:
    _publish(department, section, "Gateway", "Hold the gateway button for ten seconds.")
    _publish(department, section, "Empty", "It is to be.")  # no body terms
    assert SearchDocument.objects.filter(body_terms="").exists()
    expected = {title.document_id: title.word_count for title in SearchTitle.objects.all()}
    migration = importlib.import_module(
        "tierdesk.knowledge.migrations.0004_search_title_and_vocabulary_version"
    )
    SearchTitle.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(migration.FILL_TITLES)
    assert {title.document_id: title.word_count for title in SearchTitle.objects.all()} == expected
