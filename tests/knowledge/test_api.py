"""The help-center API: search for everyone, reading drafts and writing for agents."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.accounts.tokens import api_token_create

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.knowledge.urls")]


def _call(user: User | None, method: str, path: str, body: Any = None) -> Any:
    headers = {"Authorization": f"Bearer {api_token_create(user=user).raw}"} if user else {}
    client = Client()
    if method == "GET":
        return client.get(path, headers=headers)
    return client.generic(
        method,
        path,
        data=__import__("json").dumps(body or {}),
        content_type="application/json",
        headers=headers,
    )


def test_search_returns_ranked_published_articles(
    help_center: int, department: factories.Department
) -> None:
    response = _call(department.customer_a, "GET", "/api/v1/kb/search?q=Rücksendeetikett&lang=de")
    assert response.status_code == 200
    first = response.json()[0]
    assert first["key"] == "return-label"
    assert first["url"].endswith("/help/a/return-label/?lang=de")
    assert "<mark>Etikett</mark>" in first["snippet_html"]
    assert set(first) >= {"id", "title", "snippet", "url"}


def test_visitors_search_without_a_token_but_a_wrong_token_is_refused(
    help_center: int, department: factories.Department
) -> None:
    visitor = Client().get("/api/v1/kb/search?q=Rücksendeetikett&lang=de")
    assert visitor.status_code == 200
    assert visitor.json()[0]["key"] == "return-label"
    wrong = Client().get(
        "/api/v1/kb/search?q=Rücksendeetikett&lang=de",
        headers={"Authorization": "Bearer not-a-token"},
    )
    assert wrong.status_code == 401
    assert "token" in wrong.json()["detail"].lower()
    assert Client().get("/api/v1/kb/articles/1").status_code == 401


def test_search_needs_a_query_and_a_known_language(
    help_center: int, department: factories.Department
) -> None:
    assert _call(department.customer_a, "GET", "/api/v1/kb/search?q=&lang=de").status_code == 422
    assert _call(department.customer_a, "GET", "/api/v1/kb/search?q=x&lang=fr").status_code == 422


def test_agent_writes_translates_and_publishes(
    help_center: int, department: factories.Department
) -> None:
    created = _call(
        department.l1,
        "POST",
        "/api/v1/kb/articles",
        {
            "section": "heating",
            "language": "de",
            "title": "Heizkörper entlüften",
            "body": "Mit dem Entlüftungsschlüssel.",
        },
    )
    assert created.status_code == 201, created.content
    article_id = created.json()["id"]
    translated = _call(
        department.l1,
        "PUT",
        f"/api/v1/kb/articles/{article_id}/translations/en",
        {"title": "Bleeding radiators", "body": "Use the bleed key."},
    )
    assert [t["language"] for t in translated.json()["translations"]] == ["de", "en"]
    refused = _call(
        department.l1, "POST", f"/api/v1/kb/articles/{article_id}/translations/en/publish"
    )
    assert refused.status_code == 403
    published = _call(
        department.l2, "POST", f"/api/v1/kb/articles/{article_id}/translations/en/publish"
    )
    assert published.status_code == 200
    patched = _call(
        department.l2,
        "PATCH",
        f"/api/v1/kb/articles/{article_id}",
        {"is_faq": True, "team": "support"},
    )
    assert patched.json()["is_faq"] is True and patched.json()["team"] == "support"

    hits = _call(
        department.customer_a, "GET", "/api/v1/kb/search?q=bleeding radiator&lang=en"
    ).json()
    assert hits[0]["id"] == article_id
    as_customer = _call(department.customer_a, "GET", f"/api/v1/kb/articles/{article_id}").json()
    assert [t["language"] for t in as_customer["translations"]] == [
        "en"
    ]  # the German draft stays hidden


def test_customers_cannot_write_and_bad_input_is_clear(
    help_center: int, department: factories.Department
) -> None:
    body = {"section": "heating", "language": "de", "title": "T", "body": "B"}
    assert _call(department.customer_a, "POST", "/api/v1/kb/articles", body).status_code == 403
    unknown = _call(department.l1, "POST", "/api/v1/kb/articles", {**body, "section": "nope"})
    assert unknown.status_code == 422
    assert "nope" in unknown.json()["detail"]
    empty = _call(department.l1, "POST", "/api/v1/kb/articles", {**body, "body": "   "})
    assert empty.status_code == 422
    assert _call(department.l1, "GET", "/api/v1/kb/articles/999999").status_code == 404
