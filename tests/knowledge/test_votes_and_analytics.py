"""Was this helpful? votes, related articles, and the search analytics page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.knowledge.models import ArticleVote, SearchQuery

pytestmark = pytest.mark.django_db
Login = Callable[[User | None], Client]


def test_vote_once_per_reader_with_comment(help_center: int, login: Login) -> None:
    reader = login(None)
    first = reader.post(
        "/help/a/return-label/vote/?lang=en", {"helpful": "0", "comment": "No printer"}
    )
    again = reader.post(
        "/help/a/return-label/vote/?lang=en", {"helpful": "0", "comment": "Still no printer"}
    )
    bad = reader.post("/help/a/return-label/vote/?lang=en", {"helpful": "maybe"})

    assert (first.status_code, again.status_code, bad.status_code) == (302, 302, 400)
    vote = ArticleVote.objects.get()
    assert vote.comment == "Still no printer" and vote.helpful is False


def test_article_page_shows_related_articles(help_center: int, login: Login) -> None:
    page = login(None).get("/help/a/return-label/?lang=en").content.decode()
    assert "Related articles" in page
    assert "Withdrawal: 30-day right of return" in page


def test_analytics_lists_top_zero_result_and_poorly_rated(
    help_center: int, department: factories.Department, login: Login
) -> None:
    visitor = login(None)
    for _ in range(2):
        visitor.get("/help/search/?q=return+label&lang=en")
    visitor.get("/help/search/?q=solar+panel&lang=en")
    for number in range(3):
        login(None).post(
            "/help/a/plus-cancel/vote/?lang=en", {"helpful": "0", "comment": f"no {number}"}
        )

    page = login(department.manager).get("/help/manage/analytics/").content.decode()

    assert SearchQuery.objects.filter(result_count=0).count() == 1
    assert "return label (2)" in page
    zero = page.split('id="zero-results"')[1].split("</ol>")[0]
    assert "solar panel (1)" in zero and "return label" not in zero
    assert "Cancelling the Plus subscription" in page.split('id="poorly-rated"')[1]
    assert login(department.customer_a).get("/help/manage/analytics/").status_code == 403
