"""Internal articles never reach customers or visitors: pages, search, API, suggestions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.accounts.tokens import api_token_create
from tierdesk.knowledge.models import Article
from tierdesk.knowledge.selectors import search_articles
from tierdesk.knowledge.services import suggest_articles

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.knowledge.urls")]
Login = Callable[[User | None], Client]
SECRET_TITLE = "Kulanzregeln (intern)"
SECRET_QUERY = "Kulanz Gutschein"


def _api(user: User, path: str) -> Any:
    token = api_token_create(user=user).raw
    return Client().get(path, headers={"Authorization": f"Bearer {token}"})


@pytest.mark.parametrize("who", ["anonymous", "customer"])
def test_pages_hide_internal_articles(
    help_center: int, department: factories.Department, login: Login, who: str
) -> None:
    client = login(None if who == "anonymous" else department.customer_a)
    pages = [
        client.get("/help/?lang=de"),
        client.get("/help/c/internal/?lang=de"),
        client.get(f"/help/search/?q={SECRET_QUERY}&lang=de"),
        client.get(f"/help/search/live/?q={SECRET_QUERY}&lang=de"),
        client.get("/help/faq/support/?lang=de"),
    ]
    for page in pages:
        assert SECRET_TITLE not in page.content.decode()
    assert client.get("/help/a/internal-goodwill/?lang=de").status_code == 404
    assert client.get("/help/manage/").status_code in (302, 403)


def test_search_and_suggestions_hide_internal_articles(
    help_center: int, department: factories.Department
) -> None:
    for user in (None, department.customer_a):
        assert search_articles(user, SECRET_QUERY, language="de") == []
        assert suggest_articles(text=SECRET_QUERY, language="de", user=user) == []
    found = search_articles(department.l1, SECRET_QUERY, language="de")
    assert found and found[0].translation.article.key == "internal-goodwill"


def test_api_hides_internal_articles_from_customers(
    help_center: int, department: factories.Department
) -> None:
    secret = Article.objects.get(key="internal-goodwill")
    customer_search = _api(department.customer_a, f"/api/v1/kb/search?q={SECRET_QUERY}&lang=de")
    customer_read = _api(department.customer_a, f"/api/v1/kb/articles/{secret.pk}")
    visitor_search = Client().get(f"/api/v1/kb/search?q={SECRET_QUERY}&lang=de")
    agent_search = _api(department.l1, f"/api/v1/kb/search?q={SECRET_QUERY}&lang=de")

    assert customer_search.status_code == 200 and customer_search.json() == []
    assert visitor_search.status_code == 200 and visitor_search.json() == []
    assert customer_read.status_code == 404
    assert [hit["key"] for hit in agent_search.json()][:1] == ["internal-goodwill"]


def test_agents_see_internal_articles(
    help_center: int, department: factories.Department, login: Login
) -> None:
    page = login(department.l1).get("/help/a/internal-goodwill/?lang=de")
    assert page.status_code == 200
    assert SECRET_TITLE in page.content.decode()


def test_making_an_article_internal_hides_it_at_once(
    help_center: int, department: factories.Department
) -> None:
    from tierdesk.knowledge.services import article_update

    article = Article.objects.get(key="return-label")
    assert search_articles(None, "Rücksendeetikett", language="de")
    article_update(actor=department.l2, article=article, visibility="internal")
    keys = [
        result.translation.article.key
        for result in search_articles(None, "Rücksendeetikett", language="de")
    ]
    assert "return-label" not in keys
