"""Drafts, review, publishing by Second Level and above, versions and restoring."""

from __future__ import annotations

import pytest

from tests import factories
from tierdesk.knowledge.errors import ArticleNotAllowed, InvalidArticleChange
from tierdesk.knowledge.models import Article, Section, TranslationState
from tierdesk.knowledge.selectors import article_page, search_articles
from tierdesk.knowledge.services import (
    article_create,
    translation_publish,
    translation_restore,
    translation_save,
    translation_submit_for_review,
)

pytestmark = pytest.mark.django_db


def test_first_level_drafts_second_level_publishes(
    department: factories.Department, section: Section
) -> None:
    article = article_create(
        actor=department.l1,
        section=section,
        language="de",
        title="Heizung entlüften",
        body="Entlüftungsschlüssel ansetzen.",
    )
    translation = article.translations.get()
    assert search_articles(None, "entlüften", language="de") == []  # drafts are not found

    with pytest.raises(ArticleNotAllowed):
        translation_publish(actor=department.l1, translation=translation)
    translation_submit_for_review(actor=department.l1, translation=translation)
    assert translation.state == TranslationState.REVIEW
    translation_publish(actor=department.l2, translation=translation)

    assert [
        r.translation.pk for r in search_articles(None, "Heizkörper entlüften", language="de")
    ] == [translation.pk]


def test_editing_keeps_the_published_text_until_published_again(
    department: factories.Department, section: Section
) -> None:
    article = article_create(
        actor=department.l2,
        section=section,
        language="en",
        title="Bleeding",
        body="Version one text.",
    )
    translation_publish(actor=department.l2, translation=article.translations.get())
    translation_save(
        actor=department.l1,
        article=article,
        language="en",
        title="Bleeding",
        body="Version two text.",
    )

    shown = article_page(None, article.key, "en")
    assert "Version one" in shown.published_html
    assert shown.version == 2 and shown.published_version == 1

    restored = translation_restore(actor=department.l1, translation=shown, number=1)
    assert restored.version == 3
    assert "Version one" in restored.body_html
    assert list(restored.versions.values_list("number", flat=True)) == [3, 2, 1]


def test_one_article_several_translations(
    department: factories.Department, section: Section
) -> None:
    article = article_create(
        actor=department.l2, section=section, language="de", title="Schloss", body="Text."
    )
    translation_save(
        actor=department.l2, article=article, language="en", title="Lock", body="Text."
    )
    assert Article.objects.count() == 1
    assert sorted(article.translations.values_list("language", flat=True)) == ["de", "en"]


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        ("", "Text", "de"),
        ("Title", "   ", "de"),
        ("Title", "<p><script>x</script></p>", "de"),
        ("Title", "Text", "fr"),
        ("x" * 201, "Text", "de"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(
    department: factories.Department, section: Section, title: str, body: str, language: str
) -> None:
    with pytest.raises(InvalidArticleChange):
        article_create(
            actor=department.l1, section=section, language=language, title=title, body=body
        )
    assert Article.objects.count() == 0


def test_customers_cannot_write(department: factories.Department, section: Section) -> None:
    with pytest.raises(ArticleNotAllowed):
        article_create(
            actor=department.customer_a, section=section, language="de", title="T", body="B"
        )
