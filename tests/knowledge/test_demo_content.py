"""The demo help center: enough articles in both languages, loadable twice."""

from __future__ import annotations

import pytest

from tierdesk.knowledge.demo_content import load_help_center
from tierdesk.knowledge.models import Article, ArticleTranslation, SearchDocument, Visibility

pytestmark = pytest.mark.django_db


def test_demo_help_center(help_center: int) -> None:
    assert help_center >= 40
    assert (
        ArticleTranslation.objects.filter(language="de", published_version=1).count() == help_center
    )
    assert (
        ArticleTranslation.objects.filter(language="en", published_version=1).count() == help_center
    )
    assert SearchDocument.objects.count() == 2 * help_center
    assert Article.objects.filter(visibility=Visibility.INTERNAL).exists()
    assert Article.objects.filter(is_faq=True, team__slug="returns").count() >= 3
    assert load_help_center() == 0
    assert Article.objects.count() == help_center
